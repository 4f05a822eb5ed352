// What a first visit asks the network for (a measurement: it prints figures and asserts
// nothing). Needs the wasm build (`./build.sh build`) and Chromium.
//
//     node tools/first-visit.mjs
//
// A fresh browser profile opens the app and waits until the service worker has installed
// (it fetches the files it keeps for offline use then), and a second longer; every response is
// listed with who asked (the page or the service worker), its encoding and its body's bytes as
// sent (the server's precompressed copies). Font files are listed apart: none should be there.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = await startServer({ root: join(root, 'www'), port: 0 });
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext();
const rows = [];
context.on('requestfinished', async (req) => {
  const res = await req.response();
  const by = req.serviceWorker() ? 'service worker' : 'page';
  rows.push({ by, path: new URL(req.url()).pathname, coding: res?.headers()['content-encoding'] ?? 'none', bytes: (await req.sizes()).responseBodySize });
});
const page = await context.newPage();
await page.goto(url);
await page.evaluate(() => window.cleanCopyApp.ready);
await page.evaluate(() => navigator.serviceWorker.ready);
await new Promise((ok) => setTimeout(ok, 1000));
await context.close();
await browser.close();
server.close();

for (const by of ['page', 'service worker']) {
  const mine = rows.filter((r) => r.by === by).sort((a, b) => a.path.localeCompare(b.path));
  const total = mine.reduce((n, r) => n + r.bytes, 0);
  console.log(`${by}: ${mine.length} responses, ${total} bytes of bodies as sent`);
  for (const r of mine) console.log(`  ${r.path.padEnd(36)} ${r.coding.padEnd(5)} ${String(r.bytes).padStart(8)}`);
}
const fonts = rows.filter((r) => /\.(woff2?|ttf|otf)$/.test(r.path));
console.log(`font files fetched: ${fonts.length}${fonts.length ? ` (${fonts.map((r) => r.path).join(', ')})` : ''}`);
