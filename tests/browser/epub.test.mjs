// "Save EPUB": the book the app saves, in Chromium, Firefox and WebKit (engines.mjs), without
// the blocks the reader removed, its pictures packed where the browser may read them; and the
// book's XHTML as Chromium renders it (a screenshot in out/screenshots/).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENGINES, launch } from './engines.mjs';
import { readZip } from './epub-zip.mjs';
import { fold, openApp, paste, projectDir, useBrowser } from './helpers.mjs';
import { startServer } from '../../tools/serve.mjs';

const SCREENSHOTS = process.env.CLEANCOPY_SCREENSHOTS ?? join(projectDir, 'out', 'screenshots');
const only = process.env.CLEANCOPY_ENGINES?.split(',') ?? ENGINES;

// A 2×2 red PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';
const TITLE = 'The lighthouse keepers of the northern coast';
const REMOVED = 'This paragraph is a notice the reader takes away before saving.';
/** The share-link fragment of the pasted article (taken in Chromium), which opens it in the
 * other engines. */
let fragment = null;

/** An article to paste: headings, a picture the page can read (data:) and one it cannot. */
function article() {
  const para = (n) => `<p>Paragraph ${n} of the story: the keepers climbed the tower at dusk, trimmed the wicks and wrote the weather in the log, as their fathers had done before them on the same rocks.</p>`;
  return `<article><h1>${TITLE}</h1><p class="byline">By Mara Quill</p>
    <p>${REMOVED}</p>
    ${para(1)}${para(2)}
    <h2>The tower</h2>${para(3)}
    <figure><img src="${PNG}" alt="A red square"><figcaption>The lamp room, in red.</figcaption></figure>
    ${para(4)}
    <h2>The log</h2>${para(5)}
    <figure><img src="http://127.0.0.1:9/lamp.jpg" alt="The old lamp"><figcaption>The old lamp.</figcaption></figure>
    ${para(6)}</article>`;
}

/** Checks a saved book: the container, its navigation, its text and pictures. */
function checkBook(bytes, where) {
  const { entries, first } = readZip(bytes);
  assert.deepEqual(first, { name: 'mimetype', method: 0, extra: 0 }, where);
  const file = (name) => entries.find((e) => e.name === name)?.data;
  assert.equal(file('mimetype').toString(), 'application/epub+zip');
  const opf = file('EPUB/package.opf').toString();
  assert.match(opf, new RegExp(`<dc:title>${TITLE}</dc:title>`), where);
  assert.match(opf, /<dc:creator>Mara Quill<\/dc:creator>/, where);
  assert.match(opf, /<meta property="dcterms:modified">\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/meta>/, where);
  const nav = file('EPUB/nav.xhtml').toString();
  assert.match(nav, /#cc--contents-1">The tower<\/a>/, where);
  assert.match(nav, /#cc--contents-2">The log<\/a>/, where);
  const xhtml = file('EPUB/article.xhtml').toString();
  assert.ok(xhtml.includes('Paragraph 6 of the story'), where);
  assert.ok(!xhtml.includes(REMOVED), `${where}: the removed block is not in the book`);
  // The data: picture is packed; the one the browser cannot read is its text and a link.
  const image = entries.find((e) => /^EPUB\/images\/\d+\.png$/.test(e.name));
  assert.ok(image && image.data.subarray(1, 4).toString() === 'PNG', `${where}: the picture is packed`);
  assert.ok(xhtml.includes(`<img src="${image.name.slice(5)}" alt="A red square"/>`), where);
  assert.ok(xhtml.includes('href="http://127.0.0.1:9/lamp.jpg" rel="noopener noreferrer">[The old lamp]</a>'), where);
  assert.ok(!/src="(https?:|data:)/.test(xhtml), `${where}: nothing remote`);
  return { entries, xhtml };
}

describe('Chromium (playwright): the download, and the book rendered', () => {
  const env = useBrowser();

  test('Save EPUB downloads the book, named for the title, without what the reader removed', async () => {
    const page = await openApp(env);
    await paste(page, { 'text/html': article(), 'text/plain': 'x' });
    await page.locator('#reader article h1').waitFor();
    fragment = new URL(await page.evaluate(() => window.cleanCopyApp.shareLink())).hash;
    const button = page.getByRole('button', { name: /^Save EPUB/ });
    assert.equal(await button.count(), 1, 'a button named for screen readers');
    // "Remove blocks": the notice goes.
    await page.locator('#edit').click();
    await page.locator('#reader article p', { hasText: REMOVED }).click();
    await page.locator('#edit').click();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.equal(download.suggestedFilename(), 'the-lighthouse-keepers-of-the-northern-coast.epub');
    const { readFileSync } = await import('node:fs');
    const { entries } = checkBook(readFileSync(await download.path()), 'chromium download');
    await page.locator('#notice', { hasText: 'One picture could not be fetched' }).waitFor();
    assert.deepEqual(page.errors.filter((e) => !/127\.0\.0\.1:9|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), []);

    // The book's pages as an XHTML reader shows them: unpacked, opened as XML from disk.
    const dir = mkdtempSync(join(tmpdir(), 'cleancopy-epub-'));
    for (const entry of entries) {
      mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
      writeFileSync(join(dir, entry.name), entry.data);
    }
    const viewer = await page.context().newPage();
    const errors = [];
    viewer.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await viewer.setViewportSize({ width: 600, height: 900 });
    await viewer.goto(pathToFileURL(join(dir, 'EPUB/article.xhtml')).href);
    assert.equal(await viewer.evaluate(() => document.contentType), 'application/xhtml+xml');
    assert.equal(await viewer.locator('parsererror').count(), 0, 'well-formed XML');
    assert.equal(fold(await viewer.locator('h1').innerText()), TITLE);
    assert.equal(await viewer.locator('img').evaluate((img) => img.complete && img.naturalWidth), 2, 'the packed picture shows');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await viewer.screenshot({ path: join(SCREENSHOTS, 'epub-article.png'), fullPage: true });
    await viewer.goto(pathToFileURL(join(dir, 'EPUB/nav.xhtml')).href);
    assert.equal(await viewer.locator('nav a').count(), 3);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

for (const engine of ENGINES) {
  describe(engine, { skip: !only.includes(engine) && `CLEANCOPY_ENGINES=${only.join(',')}` }, () => {
    const env = { engine };
    before(async () => {
      env.server = await startServer({ root: join(projectDir, 'www'), port: 0 });
      env.url = `http://127.0.0.1:${env.server.address().port}/`;
      env.browser = await launch(engine);
    });
    after(async () => {
      await env.browser?.close();
      if (env.server) await new Promise((ok) => { env.server.closeAllConnections?.(); env.server.close(ok); });
    });

    test(`${engine}: Save EPUB makes the book`, async () => {
      const session = await env.browser.session();
      try {
        const app = await session.page();
        assert.ok(fragment, 'the Chromium test ran first and gave the article as a link');
        await app.goto(`${env.url}${fragment}`);
        await app.waitForSelector('#reader article h1');
        // The file the page hands the browser to download, caught at the link it clicks.
        await app.evaluate(() => {
          window.__saved = null;
          const create = URL.createObjectURL;
          let blob = null;
          URL.createObjectURL = (b) => { blob = b; return create.call(URL, b); };
          HTMLAnchorElement.prototype.click = function click() {
            if (!this.download || !blob) return;
            const name = this.download;
            blob.arrayBuffer().then((buffer) => {
              let binary = '';
              new Uint8Array(buffer).forEach((b) => { binary += String.fromCharCode(b); });
              window.__saved = { name, base64: btoa(binary) };
            });
          };
        });
        await app.waitForSelector('#reader article h1');
        const nth = await app.evaluate((t) => [...document.querySelectorAll('#reader article > p')].findIndex((p) => p.textContent.includes(t)) + 1, REMOVED);
        assert.ok(nth > 0, 'the notice is shown');
        await app.click('#edit');
        await app.click(`#reader article > p:nth-of-type(${nth})`);
        await app.click('#edit');
        assert.equal(await app.evaluate((t) => [...document.querySelectorAll('#reader article p')].find((p) => p.textContent.includes(t))?.hidden, REMOVED), true);
        await app.waitFor(() => !document.getElementById('save-epub').disabled, [], { what: 'Save EPUB enabled' });
        await app.click('#save-epub');
        const saved = await app.waitFor(() => window.__saved, [], { what: 'the EPUB saved', timeout: 60_000 });
        assert.equal(saved.name, 'the-lighthouse-keepers-of-the-northern-coast.epub');
        checkBook(Buffer.from(saved.base64, 'base64'), engine);
      } finally {
        await session.close();
      }
    });
  });
}
