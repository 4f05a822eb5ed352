// Type faces shipped with the app (under fonts/, copied there from their @fontsource packages
// by `./build.sh`, each beside its licence): a face is made known to the browser only when the
// reader chooses it, so nothing is fetched until then, and the browser then fetches only the
// files its text needs (a subset by the characters, a style by the text's bold and italic).
// The service worker keeps each file once fetched, so a face used once works offline. A saved
// page carries the chosen face inside it (`savedPage`).

import { SavedFace } from './pkg/cleancopy.js';
import { FACES, faceFiles } from './faces.js';

/** `bytes` in base64, as a `data:` address carries them. */
function base64(bytes) {
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The FontFace objects made so far, by setting, each with its file. */
const made = new Map();

/** Makes the setting's face known to the browser (once); the browser fetches its files only
 * as text set in it needs them. */
function register(setting) {
  const face = FACES[setting];
  if (!face || made.has(setting) || typeof FontFace !== 'function') return;
  const faces = faceFiles(face).map((file) => {
    const descriptors = { weight: String(file.weight), style: file.style, display: 'swap' };
    if (file.range) descriptors.unicodeRange = file.range;
    const fontFace = new FontFace(face.family, `url(${file.path}) format("woff2")`, descriptors);
    document.fonts.add(fontFace);
    return { fontFace, file };
  });
  made.set(setting, faces);
}

/** Watches the Font setting (`data-font` on <html>, set by settings.js) and registers a
 * shipped face when it is chosen, at start too when it was remembered. */
export function setupFonts() {
  const root = document.documentElement;
  const follow = () => register(root.dataset.font);
  new MutationObserver(follow).observe(root, { attributes: true, attributeFilter: ['data-font'] });
  follow();
}

/**
 * The article as a self-contained page (`copy.page()`), with the chosen shipped face inside it
 * when there is one: the files of the face that this page has loaded (those its text used) are
 * read again (from the browser's cache, or the service worker's when offline) and handed to the
 * core, which writes them into the page as data. A file that cannot be read is left out; with
 * none, the page is saved without the face.
 */
export async function savedPage(copy) {
  const setting = document.documentElement.dataset.font;
  const faces = made.get(setting);
  if (!faces) return copy.page();
  await document.fonts.ready;
  const used = faces.filter(({ fontFace }) => fontFace.status === 'loaded');
  const face = new SavedFace(setting, FACES[setting].family);
  let added = 0;
  for (const { file } of used) {
    try {
      const response = await fetch(file.path);
      if (!response.ok) continue;
      face.add(base64(new Uint8Array(await response.arrayBuffer())), file.weight, file.style === 'italic', file.range ?? '');
      added += 1;
    } catch { /* left out */ }
  }
  try {
    return added ? copy.pageWithFace(face) : copy.page();
  } finally {
    face.free();
  }
}
