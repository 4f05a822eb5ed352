// "Send to Clean Copy": a bookmarklet that hands the page the reader is on to a window of this
// app, by postMessage, with no server between; made here with this app's own address, and the
// receiving end of it (this window opened at #receive).

const $ = (id) => document.getElementById(id);

/** The app's address, which the bookmarklet opens. */
const APP = `${location.origin}${location.pathname}`;
/** The fragment the bookmarklet opens the app at. */
export const RECEIVE = '#receive';

/** The bookmarklet's body. It runs in the reader's page, never here: it opens this app at
 * #receive, waits for that window to say it is ready, and posts the page to this app's origin
 * only. */
function sendPage(app, origin) {
  const win = window.open(`${app}${'\u0023'}receive`, '_blank');
  if (!win) {
    window.alert('This page does not let Clean Copy open. Select all (Ctrl+A), copy (Ctrl+C) and paste into Clean Copy.');
    return;
  }
  const page = { type: 'cleancopy-page', html: document.documentElement.outerHTML, url: location.href, title: document.title };
  const answer = (event) => {
    if (event.source !== win || event.origin !== origin || event.data?.type !== 'cleancopy-ready') return;
    window.removeEventListener('message', answer);
    win.postMessage(page, origin);
  };
  window.addEventListener('message', answer);
}

/** The bookmarklet as a `javascript:` address. White space is folded; `%` is escaped, since
 * browsers percent-decode such an address before they run it. */
function bookmarkletHref() {
  // (sendPage holds no comments: its source is folded onto one line.)
  const code = `(${sendPage})(${JSON.stringify(APP)},${JSON.stringify(location.origin)})`.replace(/\s+/g, ' ');
  return `javascript:void ${code.replace(/%/g, '%25')}`;
}

const PAGE_FIELDS = ['html', 'title', 'type', 'url'];
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const CANNOT_SEND = 'Go back to the page, select all (Ctrl+A), copy (Ctrl+C) and paste here (Ctrl+V).';

/** The page a message carries, or null for anything but what the bookmarklet sends: a plain
 * object with exactly those fields and types, from the window that opened this one, whose
 * origin is the page's own. */
function sentPage(event) {
  const data = event.data;
  if (!window.opener || event.source !== window.opener) return null;
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) return null;
  if (Object.keys(data).sort().join() !== PAGE_FIELDS.join()) return null;
  if (data.type !== 'cleancopy-page' || typeof data.html !== 'string' || typeof data.url !== 'string' || typeof data.title !== 'string') return null;
  let url;
  try { url = new URL(data.url); } catch { return null; }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin !== event.origin) return null;
  return data;
}

/** Whether `s` is over the input limit in UTF-8 (counted only when it may be). */
const tooLarge = (s) => s.length > MAX_INPUT_BYTES || (s.length * 3 > MAX_INPUT_BYTES && new Blob([s]).size > MAX_INPUT_BYTES);

/** Offers the bookmarklet on the start page: its link (to drag, never followed here, where the
 * page's Content-Security-Policy would refuse it) and a button that copies it. */
export function setupBookmarklet({ notice, copyText }) {
  const bookmarklet = $('bookmarklet');
  bookmarklet.setAttribute('href', bookmarkletHref());
  bookmarklet.addEventListener('click', (event) => {
    event.preventDefault();
    notice('Drag “Send to Clean Copy” to your bookmarks bar (or use Copy bookmarklet), then click the bookmark on the page you want to read.');
  });
  $('copy-bookmarklet').addEventListener('click', () => {
    copyText(bookmarkletHref(), 'Bookmarklet copied: make a new bookmark and paste this as its address (URL).');
  });
}

/** This window was opened by the bookmarklet: say so to the page, take the one page it sends
 * and hand it to `show(html, 'html', address)`. `fallBack()` shows the start page's lists when
 * nothing can come. */
export async function receive({ ready, show, showError, status, fallBack }) {
  history.replaceState(null, '', location.pathname + location.search);
  if (!window.opener) {
    showError(`The page could not be sent: its site keeps the windows it opens apart. ${CANNOT_SEND}`);
    fallBack();
    return;
  }
  try { await ready; } catch { return; }
  status('Waiting for the page…');
  let timer = 0;
  const take = (event) => {
    const page = sentPage(event);
    if (!page) return;
    window.removeEventListener('message', take);
    clearTimeout(timer);
    if (tooLarge(page.html)) {
      showError(`That page is larger than the ${MAX_INPUT_BYTES / 1024 / 1024} MiB Clean Copy reads. Select the article alone, copy it and paste it here.`);
      return;
    }
    status(page.title ? `Cleaning “${page.title}”…` : 'Cleaning the page…');
    show(page.html, 'html', page.url);
  };
  window.addEventListener('message', take);
  timer = setTimeout(() => {
    window.removeEventListener('message', take);
    showError(`Nothing arrived from the page. ${CANNOT_SEND}`);
    fallBack();
  }, 20_000);
  // The announcement carries nothing, so any origin may hear it; the page answers to this
  // app's origin only.
  window.opener.postMessage({ type: 'cleancopy-ready' }, '*');
}
