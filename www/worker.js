// Extraction off the page's thread, for large inputs: the page stays responsive and the
// reader can cancel (the page ends this worker). It answers with the article's share
// fragment, which the page opens with its own copy of the core.
import init, { cleanCopy } from './pkg/cleancopy.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, input, kind, address } = event.data;
  try {
    const { memory } = await ready;
    const copy = cleanCopy(input, kind, address);
    const fragment = copy.shareFragment();
    const inputKind = copy.inputKind;
    copy.free();
    // The core's memory, as large as the work made it (a wasm memory never shrinks): the page
    // ends a worker that has grown large, which gives that memory back.
    self.postMessage({ id, fragment, inputKind, memory: memory.buffer.byteLength });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
