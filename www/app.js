// The page's shell: wires paste, drop, open, example, text size and print to the wasm core.
// It never builds article HTML itself: the only HTML it shows comes from the core's sanitizer.
import init, { cleanCopy } from './pkg/cleancopy.js';

const SIZES = [12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 26, 28, 32, 36, 40, 48, 56, 64];
const DEFAULT_SIZE = 18;
const SIZE_KEY = 'cleancopy.textSize';

const $ = (id) => document.getElementById(id);
const reader = $('reader');
const statusLine = $('status');
const errorBox = $('error');

// Trusted Types: the one place reader HTML is assigned goes through this policy.
const policy = window.trustedTypes
  ? window.trustedTypes.createPolicy('cleancopy', { createHTML: (html) => html })
  : { createHTML: (html) => html };

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

let keptInput = null;

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}

/** Keeps what the reader gave, so that an error never loses it. */
function keep(input) {
  keptInput = input;
  $('kept-text').textContent = input;
}

/** Makes and shows the clean copy of `input` ("html", "text", "markdown" or "auto"). */
async function show(input, kind) {
  keep(input);
  try {
    await ready;
  } catch {
    $('kept-input').hidden = false;
    return;
  }
  let copy;
  try {
    copy = cleanCopy(input, kind);
  } catch (err) {
    showError(`That could not be turned into a clean copy: ${err?.message ?? err}. What you pasted is kept below.`);
    $('kept-input').hidden = false;
    return;
  }
  try {
    reader.innerHTML = policy.createHTML(copy.html);
    const title = copy.title;
    document.title = title ? `${title} — Clean Copy` : 'Clean Copy';
    $('intro').hidden = true;
    $('kept-input').hidden = true;
    $('print').disabled = false;
    $('edit').disabled = false;
    removed.length = 0;
    $('undo').disabled = true;
    setEditing(editing);
    clearError();
    statusLine.textContent = title ? `Showing “${title}”.` : 'Showing the clean copy.';
  } finally {
    copy.free();
  }
}

function isTyping(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

document.addEventListener('paste', (event) => {
  if (isTyping(event.target)) return;
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

async function openFile(file) {
  let text;
  try {
    text = await file.text();
  } catch (err) {
    showError(`Could not read “${file.name}”: ${err?.message ?? err}`);
    return;
  }
  show(text, /\.html?$/i.test(file.name) ? 'html' : 'auto');
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

// For tests and for a reader who wants their paste back.
window.cleanCopyApp = { ready, keptInput: () => keptInput };
