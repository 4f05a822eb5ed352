// The page's wiring: paste, drop, open, example and share links in; the clean copy shown; each
// job (settings, faces, colours, line focus, listening, editing, sharing, saving, recent
// articles, the bookmarklet, files, the worker, the phone's layout, pages shared in) in a
// module of its own. The page never builds article HTML itself: the only HTML it shows is the
// core's reader HTML, which the core writes safe by construction (every text escaped, every
// address checked).
import init, { cleanCopy, inputFamily, openArticle, openShared, webAddress } from './pkg/cleancopy.js';
import { RECEIVE, receive, setupBookmarklet } from './bookmarklet.js';
import { setupColours } from './colours.js';
import { setupEditing } from './editing.js';
import { setupLayout } from './layout.js';
import { isPasteBox, setupPasteBox } from './paste-box.js';
import { SHARED, setupSharedIn } from './shared-in.js';
import { WORKER_FROM, inWorker, workerKept } from './extractor.js';
import { fileKind, readFile } from './files.js';
import { savedPage, setupFonts } from './fonts.js';
import { setupLineFocus } from './line-focus.js';
import { currentForm, markdownReader } from './modules.js';
import { savedCurrent, setupRecent } from './recent.js';
import { setupSaving } from './save.js';
import { setupSettings } from './settings.js';
import { setupSharing } from './share.js';

const $ = (id) => document.getElementById(id);
const reader = $('reader');
const statusLine = $('status');
const errorBox = $('error');
const status = (text) => { statusLine.textContent = text; };

// Trusted Types: the one place reader HTML is assigned, and the workers' addresses, go through
// this policy.
const WORKER = './sw.js';
const EXTRACTOR = './worker.js';
const policy = window.trustedTypes
  ? window.trustedTypes.createPolicy('cleancopy', {
    createHTML: (html) => html,
    createScriptURL: (url) => {
      if (url !== WORKER && url !== EXTRACTOR) throw new TypeError(`not one of the app's workers: ${url}`);
      return url;
    },
  })
  : { createHTML: (html) => html, createScriptURL: (url) => url };

const ready = init().then(
  () => status('Ready: paste an article anywhere on this page.'),
  (err) => { showError(`Clean Copy could not start: ${err?.message ?? err}`); throw err; },
);

/** Warms the core up once the page is idle after start. The browser compiles the wasm's
 * functions as they are first called, and the core sets its models up on first use, so the
 * first clean copy of a page costs more than the next. A made-up page and note, cleaned and
 * thrown away here, pay that before the reader's paste. */
function warmUp() {
  const sentence = (i) => `Line ${i} of a short made-up note says a little more about the harbour, its boats and the weather today.`;
  const lines = Array.from({ length: 24 }, (_, i) => sentence(i));
  const text = `A made-up note\n\nBy A. Writer\n\n${lines.join('\n\n')}\n\nAbout | Contact | Privacy`;
  const page = `<!doctype html><title>A made-up page</title><nav><a href="/">Home</a> <a href="/news">News</a></nav>`
    + `<article><h1>A made-up page</h1><p class="byline">By A. Writer</p>${lines.map((l) => `<p>${l} <a href="/more">More</a>.</p>`).join('')}`
    + '<figure><img src="/a.jpg" alt="Boats"><figcaption>Boats in the harbour.</figcaption></figure></article><footer>About</footer>';
  for (const [input, kind] of [[page, 'html'], [text, 'auto']]) {
    try {
      const copy = cleanCopy(input, kind);
      const html = copy.html;
      void copy.shareFragment();
      copy.free();
      // Laid out once where it cannot be seen, so that the reader's type is found and set up
      // before the first article.
      if (kind === 'html' && !current) {
        const hidden = document.createElement('div');
        hidden.className = 'reader';
        hidden.setAttribute('aria-hidden', 'true');
        hidden.style.cssText = 'position:absolute;left:-100000px;top:0;visibility:hidden;width:40em';
        hidden.innerHTML = policy.createHTML(html);
        document.body.append(hidden);
        void hidden.offsetHeight;
        hidden.remove();
      }
    } catch { /* only a warm-up */ }
  }
}
ready.then(() => {
  if ('requestIdleCallback' in window) requestIdleCallback(warmUp, { timeout: 1000 });
  else setTimeout(warmUp, 100);
}, () => {});

let keptInput = null;

function showError(message) {
  $('address').hidden = true;
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
  $('address').hidden = true;
}

function notice(message) {
  $('notice').textContent = message;
  $('notice').hidden = false;
}

async function copyText(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    notice(done);
  } catch (err) {
    showError(`Could not copy: ${err?.message ?? err}`);
  }
}

/** A paste that is only a web address: say that Clean Copy does not fetch pages, and how to
 * bring the page instead. */
function showAddress(address) {
  clearError();
  $('address-link').textContent = address;
  $('address-link').href = address;
  $('address').hidden = false;
  status('That is a web address: Clean Copy does not fetch pages.');
}

/** The longest paste the core takes for a web address (see `detect::web_address`). */
const ADDRESS_MAX = 8192;

/** Keeps what the reader gave, so that an error, a reload or a crash never loses it: in the
 * page, and in this tab's session storage until the next paste replaces it. */
const INPUT_KEY = 'cleancopy.input';
function keep(input, { save = true } = {}) {
  keptInput = input;
  $('kept-text').textContent = input;
  if (!save) return;
  const store = () => {
    try {
      window.sessionStorage.setItem(INPUT_KEY, input);
    } catch {
      try { window.sessionStorage.removeItem(INPUT_KEY); } catch { /* no storage */ }
    }
  };
  // Storing takes about 16 ms a million characters: an input the worker cleans is stored
  // while the worker works, a smaller one at once (a crash in the page's own call then still
  // leaves it stored).
  if (input.length >= WORKER_FROM) setTimeout(store, 0);
  else store();
}

/** The article on show (a wasm `Cleaned`), and its share fragment once made (`fragment()`). */
let current = null;
let currentFragment = '';

/** The share fragment of the article on show, made the first time it is needed. */
function fragment() {
  if (current && currentFragment === null) currentFragment = current.shareFragment();
  return currentFragment ?? '';
}

/** The link that opens the article on show, wherever this app is served from. */
const shareLink = () => `${location.origin}${location.pathname}#${fragment()}`;

/** Work that can wait until the article is on screen: `run` after the next frame is painted
 * (a task queued from the frame's callback), or after 100 ms where no frame comes (a hidden
 * tab), or before the page goes away, whichever comes first. One piece of such work is
 * pending at a time: `display` runs the last one before it shows another article. */
let pending = null;
let settledNow = Promise.resolve();
function afterPaint(run) {
  let done;
  settledNow = new Promise((resolve) => { done = resolve; });
  const job = () => {
    if (pending !== job) return;
    pending = null;
    try { run(); } finally { done(); }
  };
  pending = job;
  requestAnimationFrame(() => setTimeout(job, 0));
  setTimeout(job, 100);
}
window.addEventListener('pagehide', () => pending?.());

const editing = setupEditing(reader, { status });
const sharing = setupSharing({ article: () => current, link: shareLink, beforeUse: () => pending?.(), notice, showError, copyText });
setupSaving({ article: () => current, notice, page: savedPage, showError, trustedHTML: (html) => policy.createHTML(html) });
// The settings first: the modules after them follow what they set on <html>.
setupSettings({ isTyping });
setupFonts();
setupColours();
setupLineFocus(reader, { isTyping });
/** Listening (listen.js), loaded when first needed: when an article is shown or the reading
 * settings (which list the voices) are opened. A first visit does not fetch it. */
let listening = null;
let listenLoading = null;
function loadListening() {
  listenLoading ??= import('./listen.js').then(({ setupListen }) => {
    listening = setupListen(reader, { notice, status, isTyping });
    if (current) listening.reset();
  }, () => { listenLoading = null; });
  return listenLoading;
}
$('settings').addEventListener('toggle', () => { if ($('settings').open) loadListening(); });
setupBookmarklet({ notice, copyText });
const recent = setupRecent({ open: (fragment) => openLink(fragment), showing: () => current !== null });

/** Makes and shows the clean copy of `input` ("html", "text", "markdown" or "auto");
 * `address` is the page's own address when the page itself was sent (by the bookmarklet). */
async function show(input, kind, address) {
  keep(input);
  try {
    await ready;
  } catch {
    $('kept-input').hidden = false;
    return;
  }
  const pastedAddress = input.length <= ADDRESS_MAX ? webAddress(input) : '';
  if (pastedAddress) {
    showAddress(pastedAddress);
    return;
  }
  let copy;
  let fragment;
  try {
    if (input.length >= WORKER_FROM) ({ copy, fragment } = await inWorker(policy.createScriptURL(EXTRACTOR), input, kind, address));
    else {
      // Detected once: the family found is the kind the core is then given.
      const family = inputFamily(input, kind);
      if (family === 'markdown') copy = openArticle((await markdownReader()).cleanMarkdown(input, address), 'markdown');
      else copy = cleanCopy(input, family, address);
    }
  } catch (err) {
    if (err?.name === 'AbortError') {
      status('Cancelled. What you pasted is kept below.');
      $('kept-input').hidden = false;
      return;
    }
    showError(`That could not be turned into a clean copy: ${err?.message ?? err}. What you pasted is kept below.`);
    $('kept-input').hidden = false;
    return;
  }
  // A new paste replaces an opened link: the address no longer names this article.
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  display(copy, fragment);
}

/** Opens the article a share link carries; a bad link gives a message, never a crash. */
async function openLink(fragment, { quiet = false } = {}) {
  try {
    await ready;
  } catch {
    return false;
  }
  let copy;
  try {
    copy = openShared(await currentForm(fragment));
  } catch (err) {
    if (!quiet) showError(`This link cannot be opened: ${err?.message ?? err}.`);
    return false;
  }
  display(copy);
  return true;
}

/** Puts a clean copy on the page and enables what can be done with it; `known` is its share
 * fragment when already made (by the worker). What the reader does not see at once (the share
 * fragment, the e-mail link, the recent list) waits for the first frame. */
function display(copy, known = null) {
  // The last article's waiting work is done first: every article shown is remembered.
  pending?.();
  if (current) current.free();
  current = copy;
  currentFragment = known;
  reader.innerHTML = policy.createHTML(copy.html);
  const title = copy.title;
  document.title = title ? `${title} — Clean Copy` : 'Clean Copy';
  $('intro').hidden = true;
  recent.hide();
  $('kept-input').hidden = true;
  $('notice').hidden = true;
  for (const id of ['print', 'edit', 'copy-link', 'copy-article', 'save-html', 'save-md', 'save-txt', 'save-epub', 'share', 'share-file']) $(id).disabled = false;
  // The e-mail link is made after the first frame; until then it must not offer the last one.
  sharing.reset();
  editing.reset();
  if (listening) listening.reset();
  else loadListening();
  clearError();
  status(title ? `Showing “${title}”.` : 'Showing the clean copy.');
  afterPaint(() => {
    if (current !== copy) return;
    sharing.update();
    recent.remember(fragment(), copy);
  });
}

function isTyping(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Reads a dropped or opened file and shows its clean copy. */
async function openFile(file) {
  let text;
  try {
    text = await readFile(file, ready);
  } catch (err) {
    showError(`Could not read “${file.name}”: ${err?.message ?? err}`);
    return;
  }
  show(text, fileKind(file.name));
}

document.addEventListener('paste', (event) => {
  if (isTyping(event.target) && !isPasteBox(event.target)) return;
  const data = event.clipboardData;
  if (!data) return;
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  if (!html.trim() && !text.trim()) {
    if (data.files.length) {
      event.preventDefault();
      openFile(data.files[0]);
    }
    return;
  }
  event.preventDefault();
  if (html.trim()) show(html, 'html');
  else show(text, 'auto');
});

document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dropping');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dropping');
  const data = event.dataTransfer;
  if (data.files.length) openFile(data.files[0]);
  else if (data.getData('text/html')) show(data.getData('text/html'), 'html');
  else if (data.getData('text/plain')) show(data.getData('text/plain'), 'auto');
});

$('open-file').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', (event) => {
  const file = event.target.files[0];
  if (file) openFile(file);
  event.target.value = '';
});

$('try-example').addEventListener('click', async () => {
  try {
    const response = await fetch('example.txt');
    if (!response.ok) throw new Error(`the example answered ${response.status}`);
    show(await response.text(), 'auto');
  } catch (err) {
    showError(`Could not load the example: ${err?.message ?? err}`);
  }
});

$('print').addEventListener('click', () => window.print());

window.addEventListener('hashchange', () => {
  if (location.hash === RECEIVE || location.hash === SHARED) return;
  if (location.hash.length > 1 && location.hash.slice(1) !== fragment()) openLink(location.hash);
});

setupLayout();
setupPasteBox({ show });
const takeShared = setupSharedIn({ show, openFile, showError });

// At start: a page shared to the app, else a link's article, else the article on show before
// the reload, else the intro with the recent list.
const started = (async () => {
  let savedInput = null;
  try { savedInput = window.sessionStorage.getItem(INPUT_KEY); } catch { savedInput = null; }
  if (savedInput) keep(savedInput, { save: false });
  if (location.hash === RECEIVE) {
    await receive({ ready, show, showError, status, fallBack: recent.render });
    return;
  }
  if (await takeShared()) {
    recent.render();
    return;
  }
  if (location.hash.length > 1) {
    await openLink(location.hash);
    return;
  }
  const saved = savedCurrent();
  if (saved && await openLink(saved, { quiet: true })) return;
  // A paste that never became an article (an error, a crash) is still here.
  if (savedInput) $('kept-input').hidden = false;
  recent.render();
})();

// The service worker fetches every file of the app to keep: once the core has started, so that
// this does not compete with it.
if ('serviceWorker' in navigator) {
  ready.catch(() => {}).finally(() => {
    navigator.serviceWorker.register(policy.createScriptURL(WORKER)).catch(() => { /* online only */ });
  });
}

// For tests and for a reader who wants their paste back.
window.cleanCopyApp = { ready, started, keptInput: () => keptInput, shareLink, settled: () => settledNow, workerKept };
