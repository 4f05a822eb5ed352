// Saving the clean copy as an EPUB 3 book for e-readers: the main module writes the book's
// documents, this module fetches the pictures it can, and the `epub` wasm module (loaded the
// first time, see modules.js) packs them. A picture that cannot be fetched (no CORS, offline,
// not PNG, JPEG or GIF) is shown in the book as its text linked to its address.

import { epubPacker } from './modules.js';

/** The most a picture may weigh to go into the book. */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** How long a picture is waited for. */
const IMAGE_TIMEOUT_MS = 15_000;

/** The bytes at `src` (an http, https or data: address) when the browser may read them, else
 * null. Sent without cookies or referrer: the image hosts learn no more than when the reader
 * showed the picture. */
async function fetchImage(src) {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), IMAGE_TIMEOUT_MS);
  try {
    const response = await fetch(src, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', signal: stop.signal });
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length <= MAX_IMAGE_BYTES ? bytes : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** A time as the book's `dcterms:modified` gives it: UTC to the second. */
function modifiedNow() {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The blocks "Remove blocks" takes away (editing.js). */
const BLOCKS = new Set(['p', 'figure', 'figcaption', 'li', 'blockquote', 'pre', 'table', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Whether an element of the article counts among its blocks: the book's XHTML and the reader
 * HTML (one renderer, src/render.rs) have the same blocks, in the same order, outside the
 * header, footer, contents and notes (which the book has not, or not in its text). */
const counted = (el) => !el.closest('header, footer, section.contents, section.notes');

/** Where the blocks the reader removed are, as `{ tag, index }`: the index-th block of that
 * tag in the article. */
function removedBlocks(reader) {
  const article = reader?.querySelector('article');
  if (!article) return [];
  return [...article.querySelectorAll('[hidden]')]
    .filter((el) => BLOCKS.has(el.localName) && counted(el))
    .map((el) => ({ tag: el.localName, index: [...article.querySelectorAll(el.localName)].filter(counted).indexOf(el) }));
}

/** `book` (the main module's description of the book) without the `removed` blocks: out of
 * its text, its table of contents (a heading's sub-headings move up), and its pictures; links
 * to what went become their text. Both stay HTML as the renderer writes it (the epub module
 * writes them as XML). */
function withoutRemoved(book, removed, trustedHTML) {
  if (removed.length === 0) return book;
  const parse = (html) => new DOMParser().parseFromString(trustedHTML(html), 'text/html').body;
  const article = parse(book.body).querySelector('article');
  const gone = removed.map(({ tag, index }) => [...article.querySelectorAll(tag)].filter(counted)[index]).filter(Boolean);
  const ids = new Set(gone.flatMap((el) => [el, ...el.querySelectorAll('[id]')].map((e) => e.id).filter(Boolean)));
  gone.forEach((el) => el.remove());
  for (const a of article.querySelectorAll('a[href^="#"]')) if (ids.has(a.getAttribute('href').slice(1))) a.replaceWith(...a.childNodes);
  const contents = parse(`<ol>${book.contents}</ol>`).firstElementChild;
  for (const a of contents.querySelectorAll('a')) {
    if (!ids.has(a.getAttribute('href').split('#')[1])) continue;
    const item = a.parentNode;
    const sub = [...item.children].find((c) => c.localName === 'ol');
    if (sub) item.before(...sub.children);
    item.remove();
  }
  const body = article.outerHTML;
  const images = book.images.map((image) => (image.path && !body.includes(`src="${image.path}"`) ? { ...image, path: '' } : image));
  return { ...book, body, contents: contents.innerHTML, images };
}

/** The EPUB of `copy` (a wasm `Cleaned`: the article on show in `reader`, the element the
 * reader HTML is shown in) without the blocks the reader removed, as bytes, and how many of
 * its pictures could not be fetched. `trustedHTML(html)`: the page's Trusted Types policy for
 * the core's HTML (read here to take the removed blocks out). */
export async function epubFile(copy, reader, trustedHTML) {
  // The pictures the reader HTML shows are those the book may pack (src/epub.rs).
  const addresses = [...new Set([...(reader?.querySelectorAll('article img') ?? [])].map((img) => img.getAttribute('src')))];
  const [module, fetched] = await Promise.all([epubPacker(), Promise.all(addresses.map(fetchImage))]);
  const srcs = [];
  const types = [];
  const images = [];
  addresses.forEach((src, i) => {
    const type = fetched[i] ? module.mediaType(fetched[i]) : '';
    if (!type) return;
    srcs.push(src);
    types.push(type);
    images.push(fetched[i]);
  });
  const book = withoutRemoved(JSON.parse(copy.epubBook(srcs.join('\0'), types.join(' '))), removedBlocks(reader), trustedHTML);
  const packer = new module.EpubPacker(JSON.stringify(book), modifiedNow());
  try {
    images.forEach((bytes, i) => packer.addImage(i, bytes));
    return { bytes: packer.finish(), missing: addresses.length - images.length };
  } finally {
    packer.free();
  }
}
