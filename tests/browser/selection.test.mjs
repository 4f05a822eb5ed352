// A browser selection copied as text/html (no <html>, inline styles, partial tags) gives the
// same article as the page it came from, where the selection covers it. Real Chromium: the
// corpus page is shown, its story selected and copied with Ctrl+C, then pasted into the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, readShared, useBrowser } from './helpers.mjs';

const env = useBrowser();
const CASES = ['ars-1', 'guardian-1', 'lemonde-1'];

/** 4-word shingles of a text, as a multiset. */
function shingles(text) {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map();
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = tokens.slice(i, i + 4).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Shingle F1 of two texts (the corpus measure for one page). */
function f1(a, b) {
  const [sa, sb] = [shingles(a), shingles(b)];
  let tp = 0, na = 0, nb = 0;
  for (const [k, n] of sa) { na += n; tp += Math.min(n, sb.get(k) ?? 0); }
  for (const n of sb.values()) nb += n;
  return na && nb && tp ? (2 * tp) / (na + nb) : 0;
}

for (const name of CASES) {
  test(`a selection of the story on "${name}" copied as HTML gives the page's article`, async (t) => {
    const source = readShared(`corpus/readability/${name}/source.html`);
    const app = await openApp(env);
    // The whole page through the core, as a saved page would go.
    const whole = await app.evaluate(async (html) => {
      const core = await import('/pkg/cleancopy.js');
      await core.default();
      const copy = core.cleanCopy(html, 'html');
      return copy.text;
    }, source);
    const paragraphs = whole.split('\n\n').filter((p) => p.length > 40);
    assert.ok(paragraphs.length >= 3, `the page gives an article: ${paragraphs.length} paragraphs`);

    // Show the page (no scripts, no network) and select from its first paragraph to its last.
    const page = await app.context().newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(source.replace(/<script[\s\S]*?<\/script>/gi, ''), { waitUntil: 'domcontentloaded' });
    const selected = await page.evaluate(([firsts, lasts]) => {
      // The text nodes holding the first and the last words of the story (white space
      // compared loosely: pages use no-break spaces where the core sees spaces).
      const norm = (s) => s.replace(/\s+/g, ' ');
      const find = (needle) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (norm(n.data).includes(norm(needle))) return n;
        }
        return null;
      };
      // The first paragraph start and the last paragraph end that sit in one text node each.
      const start = firsts.map(find).find(Boolean);
      const end = lasts.map(find).find(Boolean);
      if (!start || !end) return false;
      const range = document.createRange();
      range.setStart(start, 0);
      range.setEnd(end, end.data.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString().length;
    }, [paragraphs.map((p) => p.slice(0, 20)), paragraphs.map((p) => p.slice(-20)).reverse()]);
    assert.ok(selected > 200, `the story could be selected (${selected} characters)`);
    await page.keyboard.press('Control+C');
    const flavours = await app.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item.types;
    });
    assert.ok(flavours.includes('text/html'), `the clipboard holds HTML: ${flavours}`);

    // Paste into the app as a reader would.
    await app.bringToFront();
    await app.locator('body').click({ position: { x: 5, y: 200 } });
    await app.keyboard.press('Control+V');
    await app.locator('#reader article h1').waitFor();
    const pasted = await app.locator('#reader article').evaluate((a) =>
      [...a.querySelectorAll('p, li, h2, h3, h4, figcaption, pre, td, th')]
        .filter((e) => !e.closest('header, footer, .notes'))
        .map((e) => e.innerText).join('\n\n'));
    const score = f1(whole, pasted);
    t.diagnostic(`${name}: pasted selection vs whole page, shingle F1 ${score.toFixed(3)}`);
    assert.ok(score >= 0.9, `pasted selection vs whole page: shingle F1 ${score.toFixed(3)}`);
    await app.context().close();
  });
}
