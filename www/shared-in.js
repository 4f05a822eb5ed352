// Pages shared to the installed app: the system's share sheet posts them to the manifest's
// share target, the service worker (sw.js) keeps what came in a cache of this origin and opens
// the app at #shared, and here the app reads it once, deletes it, and shows it as it shows a
// paste: a file as the file it is, shared text as text, a web address alone with the message
// for a pasted address. Any page can post a form there as the system does: what comes is
// hostile input like any paste or share link, and goes the same way through the core.

/** The address the app is opened at with something shared (sw.js redirects there). */
export const SHARED = '#shared';
/** Where the service worker keeps what was shared (sw.js uses the same names). */
const CACHE = 'cleancopy-shared';
const KEY = 'shared-in';

const FILE_KINDS = /\.(html?|xhtml|md|markdown|txt)$/i;
const SUFFIX = { 'text/html': '.html', 'application/xhtml+xml': '.html', 'text/markdown': '.md' };

/** `file` with a name whose ending says what it holds (the app reads a file by its ending):
 * some systems share a file under a bare name. */
function named(file) {
  if (FILE_KINDS.test(file.name)) return file;
  const type = file.type.split(';')[0].trim().toLowerCase();
  return new File([file], `${file.name || 'shared'}${SUFFIX[type] ?? '.txt'}`, { type: file.type });
}

/** What was shared, taken out of the cache (it is read once), or null when nothing is there. */
async function takeStored() {
  if (!('caches' in window)) return null;
  const cache = await caches.open(CACHE);
  const key = new URL(KEY, document.baseURI).href;
  const response = await cache.match(key);
  if (!response) return null;
  await cache.delete(key);
  return response.formData();
}

/**
 * Wires the receiving end. `show(input, kind, address)` cleans and shows text, `openFile(file)`
 * a file, `showError(message)` says what went wrong. Returns `take()`, which, when the app was
 * opened at #shared, shows what was shared and resolves to true; else it resolves to false.
 */
export function setupSharedIn({ show, openFile, showError }) {
  return async function take() {
    if (location.hash !== SHARED) return false;
    history.replaceState(null, '', location.pathname + location.search);
    let form = null;
    try {
      form = await takeStored();
    } catch {
      form = null;
    }
    if (!form) {
      showError('What you shared did not reach Clean Copy: this browser had not yet set Clean Copy up to receive it. '
        + 'Now that Clean Copy is open, share the page again; or copy it (select all, copy) and paste it in the box below.');
      return true;
    }
    const files = form.getAll('file').filter((f) => f instanceof File && f.size > 0);
    if (files.length) {
      await openFile(named(files[0]));
      return true;
    }
    const field = (name) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const title = field('title');
    const text = field('text');
    const url = field('url');
    if (!title && !text && !url) {
      showError('The share arrived empty: share the page again, or copy it and paste it in the box below.');
    } else if (!text || text === url) {
      // A web address alone: the app's message for a pasted address (it fetches no page).
      await show(url || text || title, 'auto');
    } else {
      // Shared text, under its title when it does not start with it; the address it came with
      // is its source.
      const input = title && !text.startsWith(title) ? `${title}\n\n${text}` : text;
      await show(input, 'auto', url || undefined);
    }
    return true;
  };
}
