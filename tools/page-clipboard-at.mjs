// What a reader's clipboard holds after selecting a whole page and copying it (Ctrl+A, Ctrl+C),
// with each page shown at its own address, as the reader's browser shows it: the saved page is
// served for that address in a fresh tab (scripts off, every other request refused), so that
// the copy names its links in full against the page's address, as a real copy does. (The
// captures in the corpus were made with every page written into one blank tab, where relative
// links are read against whatever address that tab last had.) Same keys and reader as
// ../shared/tools/page-clipboard.mjs; only the clipboard's text/html is kept.
//
// usage: node tools/page-clipboard-at.mjs OUT_DIR CORPUS_DIR
//   CORPUS_DIR is a wcxb-style folder: metadata.json, html/<id>.html.gz and
//   ground-truth/<id>.json.gz (whose `url` is the page's address); writes OUT_DIR/<id>.html.
//   Pages already captured are skipped, so a run can be resumed.
// Then: cargo bench --bench wcxb -- address --clipboard-dir OUT_DIR
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const [outDir, corpus] = process.argv.slice(2);
if (!outDir || !corpus) {
  console.error('usage: node tools/page-clipboard-at.mjs OUT_DIR CORPUS_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const ids = Object.keys(JSON.parse(readFileSync(join(corpus, 'metadata.json'), 'utf8')).files).sort();

// A page on a trustworthy origin that reads the clipboard the way a web app does: from a paste event.
const READER = `<!doctype html><title>reader</title><body contenteditable><script>
document.addEventListener('paste', (e) => {
  window.got = { html: e.clipboardData.getData('text/html') };
  e.preventDefault();
});</script>`;
const server = createServer((_, res) => res.end(READER));
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const shown = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
// The page being shown: its address and its saved HTML, the only thing ever served.
let current = null;
await shown.route('**/*', (route) => {
  const request = route.request();
  if (current && request.isNavigationRequest() && request.url().split('#')[0] === current.url.split('#')[0]) {
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.html });
  }
  return route.abort();
});
const readerCtx = await browser.newContext();
await readerCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
const reader = await readerCtx.newPage();
await reader.goto(origin);
let done = 0;
for (const id of ids) {
  const out = join(outDir, `${id}.html`);
  if (existsSync(out)) continue;
  let page;
  try {
    const url = JSON.parse(gunzipSync(readFileSync(join(corpus, 'ground-truth', `${id}.json.gz`))).toString('utf8')).url;
    current = { url, html: gunzipSync(readFileSync(join(corpus, 'html', `${id}.html.gz`))).toString('utf8') };
    await reader.evaluate(() => navigator.clipboard.writeText(''));
    page = await shown.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20000 });
    await page.bringToFront();
    // Nothing focused (a click could land in a search box, where Ctrl+A selects the box's text).
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await reader.bringToFront();
    await reader.evaluate(() => { window.got = null; document.body.focus(); });
    await reader.keyboard.press('Control+V');
    const got = await reader.waitForFunction(() => window.got, null, { timeout: 10000 }).then((h) => h.jsonValue());
    if (!got.html) throw new Error('no text/html on the clipboard');
    writeFileSync(out, got.html);
  } catch (e) {
    console.error(`${id}: ${e.message.split('\n')[0]}`);
  } finally {
    if (page) await page.close().catch(() => {});
  }
  if (++done % 50 === 0) console.error(`${done}/${ids.length}`);
}
await browser.close();
server.close();
