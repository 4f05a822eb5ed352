// Reading settings: text size (steps, by button and by key), font, line width, line spacing,
// letter and word spacing, alignment, images, theme, line focus and reading speed; remembered
// between visits, with one reset. Each is set on <html> as a data attribute, which the style
// sheet and the modules that act on a setting (fonts.js, line-focus.js, listen.js) follow.
import { store } from './store.js';

const SIZES = [12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 26, 28, 32, 36, 40, 48, 56, 64];
const DEFAULT_SIZE = 18;
const SIZE_KEY = 'cleancopy.textSize';
const SETTINGS_KEY = 'cleancopy.settings';
const DEFAULT_SETTINGS = {
  font: 'serif', width: 'medium', leading: 'normal', spacing: 'normal', words: 'normal', align: 'start', images: 'shown', theme: 'system',
  focus: 'off', rate: '1',
};

const $ = (id) => document.getElementById(id);

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

/** Wires the size buttons, the `+` and `−` keys (outside fields being typed in, as
 * `isTyping` says) and the settings panel, and applies what was remembered. */
export function setupSettings({ isTyping }) {
  $('smaller').addEventListener('click', () => stepSize(-1));
  $('larger').addEventListener('click', () => stepSize(1));
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
  applySize(currentSize());
  applySettings(loadSettings());
}
