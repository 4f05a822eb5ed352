// The page's shell: wires paste, drop, open, example, text size and print to the wasm core.
// It never builds article HTML itself: the only HTML it shows is the core's reader HTML, which
// the core writes safe by construction (every text escaped, every address checked).
import init, { cleanCopy, inputFamily, openArticle, openShared, sniffEncoding, webAddress } from './pkg/cleancopy.js';
import { setupLayout } from './layout.js';
import { isPasteBox, setupPasteBox } from './paste-box.js';
import { SHARED, setupSharedIn } from './shared-in.js';

const SIZES = [12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 26, 28, 32, 36, 40, 48, 56, 64];
const DEFAULT_SIZE = 18;
const SIZE_KEY = 'cleancopy.textSize';

const $ = (id) => document.getElementById(id);
const reader = $('reader');
const statusLine = $('status');
const errorBox = $('error');

// Trusted Types: the one place reader HTML is assigned, and the service worker's address, go
// through this policy.
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

/** localStorage that may be missing or full: failures only cost remembering. */
const store = {
  get(key) {
    try { return window.localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { window.localStorage.setItem(key, value); } catch { /* not remembered */ }
  },
};

const ready = init().then(
  () => { statusLine.textContent = 'Ready: paste an article anywhere on this page.'; },
  (err) => { showError(`Clean Copy could not start: ${err?.message ?? err}`); throw err; },
);

/** Warms the core up once the page is idle after start. The browser compiles the wasm's
 * functions as they are first called, and the core sets its models up on first use: the first
 * clean copy of a page took 35 to 60 ms more than the next (the example, Chromium, 2026-12-04).
 * A made-up page and note, cleaned and thrown away here, pay that before the reader's paste. */
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
      // before the first article (the first layout took some 10 ms more than the next).
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

/** A paste that is only a web address: say that Clean Copy does not fetch pages, and how to
 * bring the page instead. */
function showAddress(address) {
  clearError();
  $('address-link').textContent = address;
  $('address-link').href = address;
  $('address').hidden = false;
  statusLine.textContent = 'That is a web address: Clean Copy does not fetch pages.';
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
    if (input.length >= WORKER_FROM) ({ copy, fragment } = await inWorker(input, kind, address));
    else {
      // Detected once: the family found is the kind the core is then given.
      const family = inputFamily(input, kind);
      if (family === 'markdown') copy = openArticle((await markdownReader()).cleanMarkdown(input, address), 'markdown');
      else copy = cleanCopy(input, family, address);
    }
  } catch (err) {
    if (err?.name === 'AbortError') {
      statusLine.textContent = 'Cancelled. What you pasted is kept below.';
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

/** Inputs of this many characters or more are cleaned in a worker, off the page's thread. */
const WORKER_FROM = 1_000_000;
/** A worker whose memory has grown past this many bytes for a long paste is ended once done,
 * so that the tab gives that memory back (the next long paste starts another). */
const WORKER_KEPT_BELOW = 64 * 1024 * 1024;
let extractor = null;
let job = 0;

/** Cleans `input` in the worker, with the work shown and a way to cancel it. */
function inWorker(input, kind, address) {
  extractor ??= new Worker(policy.createScriptURL(EXTRACTOR), { type: 'module' });
  const id = ++job;
  const started = performance.now();
  const megabytes = (input.length / 1e6).toFixed(1);
  const progress = $('progress');
  progress.hidden = false;
  const tick = () => { $('progress-text').textContent = `Cleaning ${megabytes} million characters… ${((performance.now() - started) / 1000).toFixed(0)} s`; };
  tick();
  const timer = setInterval(tick, 500);
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearInterval(timer);
      progress.hidden = true;
      $('cancel').onclick = null;
    };
    $('cancel').onclick = () => {
      extractor.terminate();
      extractor = null;
      finish();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    extractor.onmessage = (event) => {
      if (event.data.id !== id) return;
      finish();
      if (event.data.memory >= WORKER_KEPT_BELOW) {
        extractor.terminate();
        extractor = null;
      }
      if (event.data.error) reject(new Error(event.data.error));
      else {
        try {
          resolve({ copy: openShared(event.data.fragment), fragment: event.data.fragment });
        } catch (err) {
          reject(err);
        }
      }
    };
    extractor.onerror = (event) => {
      finish();
      extractor = null;
      reject(new Error(event.message || 'the worker stopped'));
    };
    extractor.postMessage({ id, input, kind, address });
  });
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
  recentWanted = false;
  $('recent').hidden = true;
  $('kept-input').hidden = true;
  $('notice').hidden = true;
  for (const id of ['print', 'edit', 'copy-link', 'copy-article', 'save-html', 'save-md', 'save-txt', 'share']) $(id).disabled = false;
  // The e-mail link is made after the first frame; until then it must not offer the last one.
  $('email').setAttribute('aria-disabled', 'true');
  $('email').removeAttribute('href');
  removed.length = 0;
  $('undo').disabled = true;
  setEditing(editing);
  clearError();
  statusLine.textContent = title ? `Showing “${title}”.` : 'Showing the clean copy.';
  afterPaint(() => {
    if (current !== copy) return;
    updateEmail();
    remember(fragment(), copy);
  });
}

function isTyping(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
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

/** A wasm module of the app's own that the page loads only when first needed: a function that
 * resolves to the module, started (a load that failed is tried again at the next call). */
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
async function markdownReader() {
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
async function currentForm(fragment) {
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
async function detectEncoding(bytes) {
  return (await detectorModule()).detectEncoding(bytes);
}

/** Reads a dropped or opened file as a browser reads a page: its bytes, decoded in the
 * encoding its byte-order mark or its `<meta charset>` names, else that the bytes make
 * evident (UTF-8, UTF-16), else that the detector guesses. */
async function openFile(file) {
  let text;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let label = 'utf-8';
    try {
      await ready;
      label = sniffEncoding(bytes);
    } catch { /* the core did not start (that is shown): keep the file as UTF-8 */ }
    // Bytes that no encoding reads as text: as UTF-8 the core refuses them as binary data.
    if (!label) label = (await detectEncoding(bytes)) || 'utf-8';
    text = new TextDecoder(label).decode(bytes);
  } catch (err) {
    showError(`Could not read “${file.name}”: ${err?.message ?? err}`);
    return;
  }
  let kind = 'auto';
  if (/\.(html?|xhtml)$/i.test(file.name)) kind = 'html';
  else if (/\.(md|markdown)$/i.test(file.name)) kind = 'markdown';
  show(text, kind);
}

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

// Text size: steps, remembered between visits, by button and by key.
function currentSize() {
  const saved = Number(store.get(SIZE_KEY));
  return SIZES.includes(saved) ? saved : DEFAULT_SIZE;
}

function applySize(size) {
  document.documentElement.style.setProperty('--reader-size', `${size}px`);
  document.documentElement.style.setProperty('--reader-scale', String(size / 16));
  $('size-value').textContent = `${size} px`;
  $('smaller').disabled = size === SIZES[0];
  $('larger').disabled = size === SIZES[SIZES.length - 1];
}

function stepSize(delta) {
  const i = SIZES.indexOf(currentSize());
  const next = SIZES[Math.min(SIZES.length - 1, Math.max(0, i + delta))];
  store.set(SIZE_KEY, String(next));
  applySize(next);
}

// Removing blocks before printing: in this mode a click (or Enter / Delete on a focused block)
// hides a paragraph, image, caption, list item, quote, table or heading; Undo brings the last
// one back.
const BLOCKS = 'p, figure, figcaption, li, blockquote, pre, table, h2, h3, h4, h5, h6';
const removed = [];
let editing = false;

function removableBlocks() {
  return [...reader.querySelectorAll(`article > :is(${BLOCKS}), article :is(ul, ol) > li, article figure > figcaption`)]
    .filter((el) => !el.closest('header, footer'));
}

function setEditing(on) {
  editing = on;
  $('edit').setAttribute('aria-pressed', String(on));
  reader.classList.toggle('editing', on);
  for (const el of removableBlocks()) {
    if (on) el.tabIndex = 0;
    else el.removeAttribute('tabindex');
  }
  statusLine.textContent = on ? 'Click a block to remove it; Undo removal brings it back.' : statusLine.textContent;
}

function removeBlock(el) {
  el.hidden = true;
  removed.push(el);
  $('undo').disabled = false;
}

$('edit').addEventListener('click', () => setEditing(!editing));
$('undo').addEventListener('click', () => {
  const el = removed.pop();
  if (el) {
    el.hidden = false;
    el.focus?.();
  }
  $('undo').disabled = removed.length === 0;
});
reader.addEventListener('click', (event) => {
  if (!editing) return;
  const block = event.target.closest(BLOCKS);
  if (!block || !reader.contains(block) || block.closest('header, footer')) return;
  event.preventDefault();
  removeBlock(block);
});
reader.addEventListener('keydown', (event) => {
  if (!editing || !['Enter', 'Delete', 'Backspace'].includes(event.key)) return;
  const block = event.target.closest?.(BLOCKS);
  if (block && reader.contains(block)) {
    event.preventDefault();
    removeBlock(block);
  }
});

$('smaller').addEventListener('click', () => stepSize(-1));
$('larger').addEventListener('click', () => stepSize(1));
$('print').addEventListener('click', () => window.print());

document.addEventListener('keydown', (event) => {
  if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '+' || event.key === '=') {
    event.preventDefault();
    stepSize(1);
  } else if (event.key === '-' || event.key === '_') {
    event.preventDefault();
    stepSize(-1);
  }
});

applySize(currentSize());

// Reading settings: font, line width, line spacing, theme; remembered between visits.
const SETTINGS_KEY = 'cleancopy.settings';
const DEFAULT_SETTINGS = {
  font: 'serif', width: 'medium', leading: 'normal', spacing: 'normal', words: 'normal', align: 'start', images: 'shown', theme: 'system',
};

function loadSettings() {
  let saved = {};
  try { saved = JSON.parse(store.get(SETTINGS_KEY) ?? '{}') ?? {}; } catch { saved = {}; }
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    const allowed = [...$(key).options].map((o) => o.value);
    if (allowed.includes(saved[key])) settings[key] = saved[key];
  }
  return settings;
}

function applySettings(settings) {
  for (const [key, value] of Object.entries(settings)) {
    document.documentElement.dataset[key] = value;
    $(key).value = value;
  }
}

for (const key of Object.keys(DEFAULT_SETTINGS)) {
  $(key).addEventListener('change', () => {
    const settings = { ...loadSettings(), [key]: $(key).value };
    store.set(SETTINGS_KEY, JSON.stringify(settings));
    applySettings(settings);
  });
}

$('reset-settings').addEventListener('click', () => {
  store.set(SETTINGS_KEY, JSON.stringify(DEFAULT_SETTINGS));
  store.set(SIZE_KEY, String(DEFAULT_SIZE));
  applySettings(DEFAULT_SETTINGS);
  applySize(DEFAULT_SIZE);
});

applySettings(loadSettings());

// Sharing and saving. The article travels inside the link's #fragment, which browsers never
// send to a server; nothing leaves this machine unless the reader sends it.
function shareLink() {
  return `${location.origin}${location.pathname}#${fragment()}`;
}

function notice(message) {
  $('notice').textContent = message;
  $('notice').hidden = false;
}

function updateEmail() {
  const mail = current.mailto(shareLink());
  const email = $('email');
  email.href = mail.href;
  email.removeAttribute('aria-disabled');
  email.dataset.fits = String(mail.fits);
  mail.free();
}

$('email').addEventListener('click', (event) => {
  // A click in the frame before the link is made makes it now (the link is followed after
  // this listener, with the address it then has).
  pending?.();
  if (!current || $('email').getAttribute('aria-disabled') === 'true') {
    event.preventDefault();
    return;
  }
  if ($('email').dataset.fits === 'false') {
    notice(`This article is too long to fit in an e-mail link (${shareLink().length.toLocaleString()} characters; `
      + 'mail programs take about 2,000), so the e-mail carries the title and the original address only. '
      + 'To send the article itself, use Copy link, Share…, or Copy article and paste it into your e-mail.');
  }
});

async function copyText(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    notice(done);
  } catch (err) {
    showError(`Could not copy: ${err?.message ?? err}`);
  }
}

$('copy-link').addEventListener('click', () => {
  const link = shareLink();
  copyText(link, `Link copied (${link.length.toLocaleString()} characters). Whoever opens it sees this clean copy; the article travels inside the link.`);
});

$('copy-article').addEventListener('click', async () => {
  try {
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([current.html], { type: 'text/html' }),
      'text/plain': new Blob([current.fullText()], { type: 'text/plain' }),
    })]);
    notice('Article copied as formatted text: paste it into an e-mail or a document.');
  } catch (err) {
    showError(`Could not copy the article: ${err?.message ?? err}`);
  }
});

if (typeof navigator.share === 'function') {
  $('share').hidden = false;
  $('share').addEventListener('click', async () => {
    try {
      await navigator.share({ title: current.title || 'An article', url: shareLink() });
    } catch (err) {
      if (err?.name !== 'AbortError') showError(`Could not share: ${err?.message ?? err}`);
    }
  });
}

function download(name, type, content) {
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

$('save-html').addEventListener('click', () => download(current.fileName('html'), 'text/html;charset=utf-8', current.page()));
$('save-md').addEventListener('click', () => download(current.fileName('md'), 'text/markdown;charset=utf-8', current.markdown));
$('save-txt').addEventListener('click', () => download(current.fileName('txt'), 'text/plain;charset=utf-8', current.fullText()));

// The article on show and a few recent ones, kept in this browser so that a reload or a
// closed tab loses nothing.
const CURRENT_KEY = 'cleancopy.current';
const RECENT_KEY = 'cleancopy.recent';
const RECENT_MAX = 8;

function recentList() {
  try {
    const list = JSON.parse(store.get(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((r) => r && typeof r.fragment === 'string') : [];
  } catch {
    return [];
  }
}

function remember(fragment, copy) {
  store.set(CURRENT_KEY, fragment);
  const entry = { fragment, title: copy.title || 'Untitled', site: copy.siteName, at: new Date().toISOString() };
  const list = [entry, ...recentList().filter((r) => r.fragment !== fragment)].slice(0, RECENT_MAX);
  store.set(RECENT_KEY, JSON.stringify(list));
  renderRecent();
}

function renderRecent() {
  const list = recentList();
  const ul = $('recent-list');
  ul.replaceChildren();
  for (const entry of list) {
    const li = document.createElement('li');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'link-like';
    open.textContent = entry.site ? `${entry.title} (${entry.site})` : entry.title;
    open.addEventListener('click', () => openLink(entry.fragment));
    const del = document.createElement('button');
    del.type = 'button';
    del.textContent = 'Delete';
    del.setAttribute('aria-label', `Delete “${entry.title}” from recent articles`);
    del.addEventListener('click', () => {
      store.set(RECENT_KEY, JSON.stringify(recentList().filter((r) => r.fragment !== entry.fragment)));
      if (store.get(CURRENT_KEY) === entry.fragment) store.set(CURRENT_KEY, '');
      renderRecent();
    });
    li.append(open, ' ', del);
    ul.append(li);
  }
  $('recent').hidden = list.length === 0 || (current !== null && !recentWanted);
  $('show-recent').disabled = list.length === 0;
}

let recentWanted = false;
$('show-recent').addEventListener('click', () => {
  recentWanted = $('recent').hidden;
  renderRecent();
  if (recentWanted) $('recent').scrollIntoView({ block: 'nearest' });
});

// "Send to Clean Copy": a bookmarklet that hands the page the reader is on to a window of this
// app, by postMessage, with no server between. It is made here, with this app's own address.
const APP = `${location.origin}${location.pathname}`;
const RECEIVE = '#receive';

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

const bookmarklet = $('bookmarklet');
// Only an attribute: the link is there to be dragged to the bookmarks bar (or copied), and is
// never followed here, where the page's Content-Security-Policy would refuse it.
bookmarklet.setAttribute('href', bookmarkletHref());
bookmarklet.addEventListener('click', (event) => {
  event.preventDefault();
  notice('Drag “Send to Clean Copy” to your bookmarks bar (or use Copy bookmarklet), then click the bookmark on the page you want to read.');
});
$('copy-bookmarklet').addEventListener('click', () => {
  copyText(bookmarkletHref(), 'Bookmarklet copied: make a new bookmark and paste this as its address (URL).');
});

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

/** This window was opened by the bookmarklet: say so to the page, take the one page it sends. */
async function receive() {
  history.replaceState(null, '', location.pathname + location.search);
  if (!window.opener) {
    showError(`The page could not be sent: its site keeps the windows it opens apart. ${CANNOT_SEND}`);
    renderRecent();
    return;
  }
  try { await ready; } catch { return; }
  statusLine.textContent = 'Waiting for the page…';
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
    statusLine.textContent = page.title ? `Cleaning “${page.title}”…` : 'Cleaning the page…';
    show(page.html, 'html', page.url);
  };
  window.addEventListener('message', take);
  timer = setTimeout(() => {
    window.removeEventListener('message', take);
    showError(`Nothing arrived from the page. ${CANNOT_SEND}`);
    renderRecent();
  }, 20_000);
  // The announcement carries nothing, so any origin may hear it; the page answers to this
  // app's origin only.
  window.opener.postMessage({ type: 'cleancopy-ready' }, '*');
}

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
    await receive();
    return;
  }
  if (await takeShared()) {
    renderRecent();
    return;
  }
  if (location.hash.length > 1) {
    await openLink(location.hash);
    return;
  }
  const saved = store.get(CURRENT_KEY);
  if (saved && await openLink(saved, { quiet: true })) return;
  // A paste that never became an article (an error, a crash) is still here.
  if (savedInput) $('kept-input').hidden = false;
  renderRecent();
})();

// The service worker fetches every file of the app to keep: once the core has started, so that
// this does not compete with it.
if ('serviceWorker' in navigator) {
  ready.catch(() => {}).finally(() => {
    navigator.serviceWorker.register(policy.createScriptURL(WORKER)).catch(() => { /* online only */ });
  });
}

// For tests and for a reader who wants their paste back.
window.cleanCopyApp = { ready, started, keptInput: () => keptInput, shareLink: () => shareLink(), settled: () => settledNow, workerKept: () => extractor !== null };
