// Saving the clean copy: a self-contained page, Markdown, text or an EPUB book, downloaded by
// the browser.

const $ = (id) => document.getElementById(id);

function download(name, type, content, notice) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  notice(`Saved as ${name}.`);
}

/** Wires the save buttons to `article()`, the article on show (a wasm `Cleaned`);
 * `page(copy)` makes the saved page (with the reader's face: fonts.js). The EPUB's code
 * (epub.js and its wasm module) is loaded the first time it is asked for; `trustedHTML` is the
 * page's Trusted Types policy for the core's HTML, which it reads. */
export function setupSaving({ article, notice, page, showError, trustedHTML }) {
  const save = (ext, type, content) => async () => {
    const copy = article();
    const name = copy.fileName(ext);
    download(name, type, await content(copy), notice);
  };
  $('save-html').addEventListener('click', save('html', 'text/html;charset=utf-8', page));
  $('save-md').addEventListener('click', save('md', 'text/markdown;charset=utf-8', (c) => c.markdown));
  $('save-txt').addEventListener('click', save('txt', 'text/plain;charset=utf-8', (c) => c.fullText()));
  const epubButton = $('save-epub');
  epubButton.addEventListener('click', async () => {
    const copy = article();
    if (!copy || epubButton.getAttribute('aria-busy') === 'true') return;
    epubButton.setAttribute('aria-busy', 'true');
    notice('Making the EPUB…');
    try {
      const { epubFile } = await import('./epub.js');
      const { bytes, missing } = await epubFile(copy, $('reader'), trustedHTML);
      const name = copy.fileName('epub');
      download(name, 'application/epub+zip', bytes, notice);
      if (missing) notice(`Saved as ${name}. ${missing === 1 ? 'One picture' : `${missing} pictures`} could not be fetched: the book links to ${missing === 1 ? 'it' : 'them'}.`);
    } catch (error) {
      showError?.(`The EPUB could not be made: ${error.message ?? error}`);
    } finally {
      epubButton.removeAttribute('aria-busy');
    }
  });
}
