// Files in legacy encodings, dropped or opened, read as the browser would read the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser } from './helpers.mjs';

const env = useBrowser();

/** `text` in windows-1252 (the few characters above ASCII these tests use). */
function windows1252(text) {
  const high = { '–': 0x96, '’': 0x92, '“': 0x93, '”': 0x94 };
  return Buffer.from([...text].map((c) => high[c] ?? (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : assert.fail(`not in windows-1252: ${c}`))));
}

/** `text` in Shift_JIS, by inverting the platform's own decoder over every two-byte code. */
function shiftJis(text) {
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const codes = new Map();
  for (let lead = 0x81; lead <= 0xfc; lead += 1) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail += 1) {
      try {
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (!codes.has(c)) codes.set(c, [lead, trail]);
      } catch { /* not a character */ }
    }
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : codes.get(c) ?? assert.fail(`not in Shift_JIS: ${c}`))));
}

const FRENCH = {
  title: 'Café crème – naïve résumé',
  body: 'Le café crème du matin, servi à la terrasse, reste le préféré des habitués du quartier, même en hiver. '
    + 'Un client naïf a laissé son résumé sur la table ; la serveuse l’a rendu, déçue qu’il n’ait pas goûté l’éclair.',
};
const JAPANESE = {
  title: '島の図書館が種も貸し出す',
  body: '島の小さな図書館では、本だけでなく野菜や花の種も貸し出しています。借りた人は秋に種を返します。'
    + '司書によると、今年は三百人以上が利用し、トマトとカボチャの種が一番人気だったということです。',
};
const pageOf = ({ title, body }, meta = '') => `<!DOCTYPE html><html><head>${meta}<title>${title}</title></head>`
  + `<body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

/** Drops a file holding `bytes` on the page, as from a file manager. */
async function drop(page, name, type, bytes) {
  const dataTransfer = await page.evaluateHandle(({ name, type, bytes }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
    return dt;
  }, { name, type, bytes: [...bytes] });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

/** Whether the page asks for the detector's module from now on. */
function watchDetector(page) {
  const seen = { detector: false };
  page.on('request', (r) => { if (r.url().includes('cleancopy_detector')) seen.detector = true; });
  return seen;
}

test('a dropped windows-1252 text file that declares nothing reads right', async () => {
  const page = await openApp(env);
  const seen = watchDetector(page);
  await drop(page, 'cafe.txt', 'text/plain', windows1252(`${FRENCH.title}\n\n${FRENCH.body}\n`));
  await page.locator('#reader article h1').waitFor();
  assert.equal(await page.locator('article h1').innerText(), FRENCH.title);
  assert.equal(await page.locator('article p').last().innerText(), FRENCH.body);
  assert.equal(seen.detector, true, 'the detector was loaded for it');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an opened Shift_JIS page that declares nothing reads right, and is not refused as binary data', async () => {
  const page = await openApp(env);
  await page.locator('#file-input').setInputFiles({ name: 'tosho.html', mimeType: 'text/html', buffer: shiftJis(pageOf(JAPANESE)) });
  await page.locator('#reader article h1').waitFor();
  assert.equal(await page.locator('article h1').innerText(), JAPANESE.title);
  assert.equal(await page.locator('article p').last().innerText(), JAPANESE.body);
  assert.equal(await page.locator('#error').isVisible(), false);
  await page.context().close();
});

test('a dropped page declaring windows-1252 in its <meta> reads right, without loading the detector', async () => {
  const page = await openApp(env);
  const seen = watchDetector(page);
  await drop(page, 'cafe.html', 'text/html', windows1252(pageOf(FRENCH, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')));
  await page.locator('#reader article h1').waitFor();
  assert.equal(await page.locator('article h1').innerText(), FRENCH.title);
  assert.equal(seen.detector, false, 'a declared encoding needs no detector');
  await page.context().close();
});
