// Extraction off the page's thread, for large inputs: the page stays responsive and the
// reader can cancel (the page ends this worker). It answers with the article's share
// fragment, which the page opens with its own copy of the core.
import init, { cleanCopy, inputFamily, openArticle } from './pkg/cleancopy.js';

const ready = init();
/** Markdown's own module (see app.js), loaded the first time it is needed. */
let markdown = null;

self.onmessage = async (event) => {
  const { id, input, kind, address } = event.data;
  try {
    const { memory } = await ready;
    let copy;
    // Detected once: the family found is the kind the core is then given.
    const family = inputFamily(input, kind);
    if (family === 'markdown') {
      markdown ??= import('./pkg/cleancopy_markdown.js').then(async (module) => ({ module, exports: await module.default() }));
      copy = openArticle((await markdown).module.cleanMarkdown(input, address), 'markdown');
    } else copy = cleanCopy(input, family, address);
    const fragment = copy.shareFragment();
    const inputKind = copy.inputKind;
    copy.free();
    // The modules' memory, as large as the work made it (a wasm memory never shrinks): the page
    // ends a worker that has grown large, which gives that memory back.
    const markdownMemory = markdown ? (await markdown).exports.memory.buffer.byteLength : 0;
    self.postMessage({ id, fragment, inputKind, memory: memory.buffer.byteLength + markdownMemory });
  } catch (err) {
    // A module that could not be loaded is tried again with the next input.
    markdown?.catch(() => { markdown = null; });
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
