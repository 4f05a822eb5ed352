// Speed and size in the browser (a benchmark: it prints figures and asserts nothing).
// Needs the wasm build (`./build.sh build`) and Chromium.
//
//     node tools/browser-bench.mjs [--rounds N]
//
// 1. Per page: Clean Copy's wasm (cleanCopy, reader HTML included) against Readability.js
//    (DOMParser, then new Readability(doc).parse()) in the same headless Chromium page, on
//    every page of ../shared/corpus/aeb/html, interleaved page by page, N rounds (median per
//    page). Prints median and 90th percentile per page and the median of per-page ratios.
// 2. Size: the app's files, raw, gzip -9 and brotli -11; and what a first visit transfers as
//    the server sends it (the precompressed copies).
// 3. Start-up: navigation to "ready for a paste" (wasm compiled and started; the moment the
//    status line says so), median of 20 fresh loads; paste-to-rendered for the example and for the largest AEB page: the core's
//    call plus putting the HTML in the page and laying it out, median of 20; and in the app
//    itself, a paste event as the reader's Ctrl+V makes it, from the event to the article laid
//    out (all the app does before the first frame), five fresh pages of five pastes each, the
//    first a second after the page is ready.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ON_DEMAND, keptFiles } from './app-files.mjs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const www = join(root, 'www');
const shared = process.env.CLEANCOPY_SHARED ?? join(root, '..', 'shared');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const pct = (v, p) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * p))];

const server = await startServer({ root: www, port: 0 });
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });

// 1. Per-page speed against Readability.js, in a page of the app's origin without its policy.
{
  const page = await browser.newPage();
  await page.goto(`${url}example.txt`);
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: `${readFileSync(join(root, 'node_modules/@mozilla/readability/Readability.js'), 'utf8')}\nwindow.Readability = Readability;` });
  await page.evaluate(async (base) => {
    const mod = await import(`${base}pkg/cleancopy.js`);
    await mod.default();
    window.cc = mod;
  }, url);
  const dir = join(shared, 'corpus/aeb/html');
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const ours = [];
  const theirs = [];
  const ratios = [];
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    const t = await page.evaluate(({ html, rounds }) => {
      const a = [];
      const b = [];
      for (let r = 0; r < rounds; r++) {
        // Alternate which goes first, so that neither always meets a warm cache.
        const runOurs = () => { const t0 = performance.now(); const c = window.cc.cleanCopy(html, 'html'); const h = c.html; c.free(); a.push(performance.now() - t0); return h.length; };
        const runTheirs = () => { const t0 = performance.now(); const doc = new DOMParser().parseFromString(html, 'text/html'); const art = new window.Readability(doc).parse(); b.push(performance.now() - t0); return art?.content?.length ?? 0; };
        if (r % 2) { runTheirs(); runOurs(); } else { runOurs(); runTheirs(); }
      }
      const med = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
      return [med(a), med(b)];
    }, { html, rounds });
    ours.push(t[0]);
    theirs.push(t[1]);
    ratios.push(t[1] / t[0]);
  }
  console.log(`per page, ${files.length} AEB pages, median of ${rounds} interleaved rounds each:`);
  console.log(`  Clean Copy (wasm)   median ${median(ours).toFixed(1)} ms   p90 ${pct(ours, 0.9).toFixed(1)} ms`);
  console.log(`  Readability.js      median ${median(theirs).toFixed(1)} ms   p90 ${pct(theirs, 0.9).toFixed(1)} ms`);
  console.log(`  Readability.js time / Clean Copy time, median over pages: ${median(ratios).toFixed(2)}`);
  await page.close();
}

// 2. Size on the wire.
{
  // The files the service worker keeps, less those fetched only when needed, and the worker itself.
  const files = [...keptFiles(www).filter((f) => !ON_DEMAND.test(f)), 'sw.js'];
  let raw = 0;
  let gz = 0;
  let br = 0;
  const rows = [];
  for (const f of files) {
    const bytes = readFileSync(join(www, f));
    const g = gzipSync(bytes, { level: 9 }).length;
    const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    raw += bytes.length;
    gz += g;
    br += b;
    rows.push(`  ${f.padEnd(24)} ${String(bytes.length).padStart(9)} ${String(g).padStart(9)} ${String(b).padStart(9)}`);
  }
  console.log('\nsize (bytes): file, raw, gzip -9, brotli -11');
  console.log(rows.join('\n'));
  console.log(`  ${'all'.padEnd(24)} ${String(raw).padStart(9)} ${String(gz).padStart(9)} ${String(br).padStart(9)}`);

  // What a first visit actually transfers, as served (precompressed copies, see
  // tools/precompress.mjs): the page's own requests until it is ready, bodies as sent.
  const context = await browser.newContext();
  const sent = [];
  context.on('requestfinished', async (req) => {
    if (req.serviceWorker()) return;
    const res = await req.response();
    sent.push([new URL(req.url()).pathname, res?.headers()['content-encoding'] ?? 'none', (await req.sizes()).responseBodySize]);
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.cleanCopyApp?.ready);
  await page.evaluate(() => window.cleanCopyApp.ready);
  await new Promise((ok) => setTimeout(ok, 500));
  await context.close();
  const total = sent.reduce((n, [, , b]) => n + b, 0);
  console.log(`first visit, as served, bodies until ready: ${total} bytes in ${sent.length} responses (${sent.map(([p, c, b]) => `${p} ${c} ${b}`).join(', ')})`);
}

// 3. Start-up and paste-to-rendered.
{
  const loads = [];
  for (let i = 0; i < 20; i++) {
    const context = await browser.newContext();
    // The moment the status line says the app is ready, as the page's own clock has it.
    await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.getElementById('status');
        const seen = new MutationObserver(() => {
          if (status.textContent.startsWith('Ready')) { window.readyAt = performance.now(); seen.disconnect(); }
        });
        seen.observe(status, { childList: true, characterData: true, subtree: true });
      });
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.readyAt);
    loads.push(await page.evaluate(() => window.readyAt));
    await context.close();
  }
  const sorted = [...loads].sort((a, b) => a - b);
  console.log(`\nnavigation to ready for a paste: median ${median(loads).toFixed(0)} ms over 20 fresh loads (quartiles ${sorted[5].toFixed(0)} to ${sorted[15].toFixed(0)} ms)`);
  // Timed in a page of the app's origin without its policy (Trusted Types admits only the
  // app's own policy), with the app's style sheet so that layout costs what it costs there.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}example.txt`);
  await page.setContent(`<!doctype html><html><head><link rel="stylesheet" href="${url}reader.css"></head><body><div id="reader" class="reader"></div></body></html>`);
  const example = readFileSync(join(www, 'example.txt'), 'utf8');
  const dir = join(shared, 'corpus/aeb/html');
  const largest = readdirSync(dir).map((f) => join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  for (const [name, input, kind] of [['example (text)', example, 'auto'], [`largest AEB page (${(statSync(largest).size / 1e6).toFixed(1)} MB HTML)`, readFileSync(largest, 'utf8'), 'html']]) {
    const times = await page.evaluate(async ({ input, kind }) => {
      const mod = await import(`${location.origin}/pkg/cleancopy.js`);
      await mod.default();
      const reader = document.getElementById('reader');
      const out = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const c = mod.cleanCopy(input, kind);
        reader.innerHTML = c.html;
        c.free();
        void reader.offsetHeight;
        out.push(performance.now() - t0);
      }
      return out;
    }, { input, kind }).catch((e) => { console.log(`  (${name}: ${e.message})`); return [NaN]; });
    console.log(`paste to rendered, ${name}: median ${median(times).toFixed(1)} ms over 20`);
  }
  await context.close();
  for (const [name, input, type] of [['example (text)', example, 'text/plain'], [`largest AEB page (${(statSync(largest).size / 1e6).toFixed(1)} MB HTML)`, readFileSync(largest, 'utf8'), 'text/html']]) {
    const runs = [];
    for (let r = 0; r < 5; r++) {
      const appContext = await browser.newContext();
      const app = await appContext.newPage();
      await app.goto(url);
      await app.evaluate(() => window.cleanCopyApp.ready);
      // A reader's first paste comes a moment after the page appears.
      await app.waitForTimeout(1000);
      runs.push(await app.evaluate(async ({ input, type }) => {
        const reader = document.getElementById('reader');
        const out = [];
        for (let i = 0; i < 5; i++) {
          const data = new DataTransfer();
          data.setData(type, input);
          const laidOut = new Promise((resolve) => {
            const seen = new MutationObserver(() => { seen.disconnect(); void reader.offsetHeight; resolve(performance.now()); });
            seen.observe(reader, { childList: true });
          });
          const t0 = performance.now();
          document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
          out.push((await laidOut) - t0);
          // What waits for the first frame (the share link, the recent list) is done before the next paste.
          await window.cleanCopyApp.settled();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return out;
      }, { input, type }));
      await appContext.close();
    }
    const medians = runs.map(median);
    console.log(`paste event to laid out in the app, ${name}: medians of five runs of five ${medians.map((t) => t.toFixed(1)).join(', ')} ms (median ${median(medians).toFixed(1)}); each run's first paste ${runs.map((r) => r[0].toFixed(1)).join(', ')} ms`);
  }
}

await browser.close();
server.close();
