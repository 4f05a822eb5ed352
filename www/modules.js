// The app's wasm modules that the page loads only when first needed (the Markdown reader, the
// reader of first-version share links, the encoding detector, the EPUB packer): each a function that resolves
// to the module, started; a load that failed is tried again at the next call.

function onDemand(path) {
  let loading = null;
  return () => {
    loading ??= import(path).then(async (module) => {
      await module.default();
      return module;
    });
    loading.catch(() => { loading = null; });
    return loading;
  };
}

/** The Markdown reader (pulldown-cmark), loaded the first time a paste or a file is Markdown:
 * most readers never bring Markdown, and it would weigh down the main module by some 72 KB
 * gzip. It gives the article in the compact form `openArticle` reads. */
const markdownModule = onDemand('./pkg/cleancopy_markdown.js');
export async function markdownReader() {
  try {
    return await markdownModule();
  } catch {
    throw new Error('the part of Clean Copy that reads Markdown could not be loaded (are you offline?)');
  }
}

/** A first-version share link (`cc1.`, the article's JSON) rewritten in the current form by a
 * module of its own (`legacy/`), loaded only for such a link: its JSON reader stays out of the
 * main module. Any other fragment is returned as it is. */
const legacyModule = onDemand('./pkg/cleancopy_legacy.js');
export async function currentForm(fragment) {
  const bare = fragment.trim().replace(/^#/, '');
  if (!bare.startsWith('cc1.')) return fragment;
  let module;
  try {
    module = await legacyModule();
  } catch {
    throw new Error('this link was made by an earlier version of Clean Copy, and the part that reads it could not be loaded (are you offline?)');
  }
  return module.upgradeLink(bare);
}

/** The encoding detector (chardetng), loaded the first time a file needs it: it is too big to
 * ship in the main module for the few files that declare no encoding. */
const detectorModule = onDemand('./pkg/cleancopy_detector.js');
export async function detectEncoding(bytes) {
  return (await detectorModule()).detectEncoding(bytes);
}

/** The EPUB packer (a ZIP writer), loaded the first time the reader saves an EPUB (epub.js). */
const epubModule = onDemand('./pkg/cleancopy_epub.js');
export async function epubPacker() {
  try {
    return await epubModule();
  } catch {
    throw new Error('the part of Clean Copy that makes EPUB books could not be loaded (are you offline?)');
  }
}
