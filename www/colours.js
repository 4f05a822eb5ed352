// The reader's own colours: the "Your own colours" theme takes text, background and link
// colours from three colour pickers, remembered between visits, and says so when a pair falls
// under the contrast WCAG AA asks of body text (4.5:1). Paper stays black on white (print.css).
import { store } from './store.js';

const KEY = 'cleancopy.colours';
const DEFAULTS = { text: '#1b1b1b', background: '#fdfdfb', link: '#0b57a4' };
/** WCAG 2's contrast for body text at level AA. */
const AA = 4.5;
const $ = (id) => document.getElementById(id);
const HEX = /^#[0-9a-f]{6}$/i;

function load() {
  let saved = {};
  try { saved = JSON.parse(store.get(KEY) ?? '{}') ?? {}; } catch { saved = {}; }
  const colours = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) if (HEX.test(saved[key] ?? '')) colours[key] = saved[key].toLowerCase();
  return colours;
}

/** The relative luminance of `#rrggbb` (WCAG 2). */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours (WCAG 2), from 1 to 21. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Sets the colours on <html> for the style sheet's custom theme, and says which pairs are
 * too faint to read comfortably. */
function apply(colours) {
  const root = document.documentElement.style;
  root.setProperty('--custom-fg', colours.text);
  root.setProperty('--custom-bg', colours.background);
  root.setProperty('--custom-link', colours.link);
  root.setProperty('--custom-scheme', luminance(colours.background) < 0.2 ? 'dark' : 'light');
  $('colour-text').value = colours.text;
  $('colour-background').value = colours.background;
  $('colour-link').value = colours.link;
  const problems = [];
  const text = contrast(colours.text, colours.background);
  const link = contrast(colours.link, colours.background);
  if (text < AA) problems.push(`text on this background has a contrast of ${text.toFixed(1)}:1`);
  if (link < AA) problems.push(`links on this background have a contrast of ${link.toFixed(1)}:1`);
  $('contrast-warning').textContent = problems.length
    ? `Hard to read: ${problems.join(', and ')}, under the ${AA}:1 that WCAG AA asks for text.`
    : '';
}

/** Wires the colour pickers, shown with the custom theme, and applies what was remembered. */
export function setupColours() {
  const root = document.documentElement;
  const showPickers = () => { $('custom-colours').hidden = root.dataset.theme !== 'custom'; };
  new MutationObserver(showPickers).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  for (const [id, key] of [['colour-text', 'text'], ['colour-background', 'background'], ['colour-link', 'link']]) {
    $(id).addEventListener('input', () => {
      const colours = { ...load(), [key]: $(id).value.toLowerCase() };
      store.set(KEY, JSON.stringify(colours));
      apply(colours);
    });
  }
  $('reset-settings').addEventListener('click', () => {
    store.set(KEY, JSON.stringify(DEFAULTS));
    apply(DEFAULTS);
  });
  apply(load());
  showPickers();
}
