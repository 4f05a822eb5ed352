// Saving the clean copy: a self-contained page, Markdown or text, downloaded by the browser.

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

/** Wires the three save buttons to `article()`, the article on show (a wasm `Cleaned`);
 * `page(copy)` makes the saved page (with the reader's face: fonts.js). */
export function setupSaving({ article, notice, page }) {
  const save = (ext, type, content) => async () => {
    const copy = article();
    const name = copy.fileName(ext);
    download(name, type, await content(copy), notice);
  };
  $('save-html').addEventListener('click', save('html', 'text/html;charset=utf-8', page));
  $('save-md').addEventListener('click', save('md', 'text/markdown;charset=utf-8', (c) => c.markdown));
  $('save-txt').addEventListener('click', save('txt', 'text/plain;charset=utf-8', (c) => c.fullText()));
}
