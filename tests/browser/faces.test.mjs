// The type faces shipped with the app: nothing of them is fetched on a first visit (by the
// page or by the service worker); a face chosen is fetched then, kept by the service worker and
// shown offline; a saved page carries the chosen face inside it, and only then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, useBrowser } from './helpers.mjs';

const env = useBrowser();
const fontsIn = (paths) => paths.filter((p) => p.startsWith('/fonts/'));

test('a first visit fetches no font; a face chosen is fetched, kept by the service worker, and shown offline', async () => {
  const context = await env.browser.newContext();
  const asked = [];
  context.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const page = await openApp(env, { context });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  const kept = () => page.evaluate(async () => (await (await caches.open('cleancopy-app')).keys()).map((r) => new URL(r.url).pathname));
  assert.deepEqual(fontsIn(asked), [], 'no font asked for by the page or the service worker');
  assert.deepEqual(fontsIn(await kept()), [], 'no font kept at install');

  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.locator('#reader article h1').waitFor();
  await page.locator('summary', { hasText: 'Reading settings' }).click();
  await page.getByLabel('Font').selectOption('book');
  const loaded = () => page.waitForFunction(() => document.fonts.check('16px Literata')
    && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Literata' && f.status === 'loaded'));
  await loaded();
  const fetched = [...new Set(fontsIn(asked))];
  assert.ok(fetched.length > 0 && fetched.every((p) => p.startsWith('/fonts/literata/literata-latin-')), fetched.join(', '));
  await page.waitForFunction(async () => (await (await caches.open('cleancopy-app')).keys()).some((r) => r.url.includes('/fonts/literata/')));

  // Offline, the app and the face come from the service worker's cache.
  await context.setOffline(true);
  await page.reload();
  await page.locator('#reader article h1').waitFor();
  await loaded();
  assert.match(await page.locator('#reader article > p').first().evaluate((p) => getComputedStyle(p).fontFamily), /^"?Literata/);
  await context.setOffline(false);
  await context.close();
});

test('Save page carries the chosen face inside it, and only then', async () => {
  const context = await env.browser.newContext();
  const page = await openApp(env, { context });
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.locator('#reader article h1').waitFor();
  const save = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-html').click()]);
    return { html: readFileSync(await download.path(), 'utf8'), name: download.suggestedFilename() };
  };
  const plain = await save();
  assert.ok(!plain.html.includes('@font-face') && !plain.html.includes('font-src'), 'no face with the default font');

  await page.locator('summary', { hasText: 'Reading settings' }).click();
  await page.getByLabel('Font').selectOption('legible');
  await page.waitForFunction(() => document.fonts.check('16px "Atkinson Hyperlegible"'));
  const withFace = await save();
  assert.match(withFace.html, /<html lang="[^"]+" data-font="legible">/);
  assert.match(withFace.html, /font-src data:/);
  const faces = withFace.html.match(/@font-face \{ font-family: "Atkinson Hyperlegible";[^}]*base64,[A-Za-z0-9+/=]+\) format\("woff2"\)/g) ?? [];
  assert.ok(faces.length >= 1, 'the face is in the page as data');
  assert.ok(withFace.html.length - plain.html.length < 200_000, `the face adds ${withFace.html.length - plain.html.length} characters`);

  // The saved page, opened on its own, shows the face.
  const file = join(mkdtempSync(join(tmpdir(), 'cleancopy-saved-')), withFace.name);
  writeFileSync(file, withFace.html);
  const saved = await context.newPage();
  await saved.goto(`file://${file}`);
  await saved.waitForFunction(() => document.fonts.check('16px "Atkinson Hyperlegible"')
    && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Atkinson Hyperlegible' && f.status === 'loaded'));
  assert.match(await saved.locator('main article > p').first().evaluate((p) => getComputedStyle(p).fontFamily), /^"?Atkinson Hyperlegible/);
  await context.close();
});
