// What matters to a reader, in every engine: Chromium, Firefox and WebKit, each driven through a
// standard protocol (engines.mjs). A real paste, reading settings and a reload, printing, a
// share link opened elsewhere, offline use, and the XSS payloads through paste.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, launch } from './engines.mjs';
import { examplePage } from './example-page.mjs';
import { fold, projectDir, readShared } from './helpers.mjs';
import { startServer } from '../../tools/serve.mjs';
import { longArticle } from './long-article.mjs';
import { HEADLINE, PATH, siteServer } from './story-site.mjs';

const expected = JSON.parse(readShared('examples/news-page-copied-as-text.expected.json'));
const { vectors } = JSON.parse(readShared('security/xss-vectors.json'));
const SCREENSHOTS = process.env.CLEANCOPY_SCREENSHOTS ?? join(projectDir, 'out', 'screenshots');
const only = process.env.CLEANCOPY_ENGINES?.split(',') ?? ENGINES;

const close = (server) => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); });

/** The clean copy's text, block by block. */
const blocks = (page) => page.evaluate(() => [...document.querySelectorAll('#reader article :is(h1, h2, h3, p, li, figcaption, pre, td, th)')]
  .map((e) => e.textContent.replace(/\s+/g, ' ').trim()));

/** Opens the app in a fresh session and waits until it is ready for a paste. */
async function openApp(env, session) {
  const page = await session.page();
  await page.goto(env.url);
  await page.waitFor(() => window.cleanCopyApp && document.getElementById('status').textContent.startsWith('Ready'), [], { what: 'the app ready' });
  return page;
}

/** A fresh session with the app open and a tab of the site to copy from. */
async function withApp(env, run) {
  const session = await env.browser.session();
  try {
    const app = await openApp(env, session);
    const writer = await session.page({ fresh: true });
    await writer.goto(env.site);
    await app.activate();
    await run(app, writer, session);
  } finally {
    await session.close();
  }
}

/** The hooks of the XSS replay, installed before any payload comes in. */
function detector() {
  window.__fired = [];
  window.__current = -1;
  const hit = (how) => window.__fired.push({ i: window.__current, how });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { hit(`${name}(${String(args[0] ?? '').slice(0, 40)})`); return null; };
  }
  for (const flag of ['xssed', 'XSS', 'pwned']) {
    Object.defineProperty(window, flag, { set() { hit(`global ${flag}`); }, get() { return undefined; }, configurable: true });
  }
  document.addEventListener('securitypolicyviolation', (e) => hit(`csp ${e.violatedDirective} ${e.blockedURI}`));
  window.addEventListener('error', (e) => hit(`error ${e.message}`));
  return true;
}

/** What is in the reader that could run (the same audit as the Chromium replay's). */
function audit() {
  const root = document.querySelector('#reader');
  const found = [];
  const BAD = new Set(['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'base', 'link', 'meta', 'frame', 'frameset', 'applet', 'portal']);
  const scriptUrl = (v) => /^(javascript|vbscript|data:text|data:image\/svg|data:application)/i.test(v.replace(/[\s\u0000-\u001f\u2028\u2029\u00a0\u1680\u180e\u2000-\u200b\u3000\ufeff]/g, ''));
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (BAD.has(el.localName)) found.push(`<${el.localName}>`);
    for (const attr of el.attributes) {
      const a = attr.name.toLowerCase();
      if (a.startsWith('on') || a === 'style' || a === 'srcdoc' || a === 'formaction') found.push(`${el.localName}[${a}]`);
      else if (['href', 'src', 'action', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'cite'].includes(a) && scriptUrl(attr.value)) found.push(`${el.localName}[${a}]`);
    }
  }
  return found;
}

/** Renders page 1 of a PDF and returns the share of its pixels that are near white. */
function inkOfFirstPage(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'cleancopy-ink-'));
  writeFileSync(join(dir, 'p.pdf'), pdf);
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '30', '-gray', join(dir, 'p.pdf'), join(dir, 'page')]);
  const file = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.pgm'))));
  // Binary PGM: "P5 <w> <h> <max>\n" then one byte a pixel.
  const header = file.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  const pixels = file.subarray(header[0].length);
  let white = 0;
  for (const p of pixels) if (p > 240) white += 1;
  return white / pixels.length;
}

for (const engine of ENGINES) {
  describe(engine, { skip: !only.includes(engine) && `CLEANCOPY_ENGINES=${only.join(',')}` }, () => {
    const env = { engine };
    before(async () => {
      env.server = await startServer({ root: join(projectDir, 'www'), port: 0 });
      env.url = `http://127.0.0.1:${env.server.address().port}/`;
      env.siteServer = await siteServer();
      env.origin = `http://127.0.0.1:${env.siteServer.address().port}`;
      env.site = `${env.origin}/writer.html`;
      env.browser = await launch(engine);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    after(async () => {
      await env.browser?.close();
      if (env.server) await close(env.server);
      if (env.siteServer) await close(env.siteServer);
    });

    test(`${engine}: a real paste of the example page, as text/html and as text/plain, gives the clean copy`, async () => {
      await withApp(env, async (app, writer) => {
        const { text, html } = examplePage();
        await app.paste({ 'text/html': html, 'text/plain': text }, { writer });
        await app.waitForSelector('#reader article h1');
        assert.equal(fold(await app.evaluate(() => document.querySelector('#reader article h1').textContent)), expected.title);
        assert.deepEqual((await app.evaluate(() => [...document.querySelectorAll('#reader article .summary li')].map((l) => l.textContent))).map(fold), expected.summary_points);
        const fromHtml = await blocks(app);
        const articleText = fold(await app.evaluate(() => document.querySelector('#reader article').innerText));
        assert.ok(articleText.includes(expected.body_starts_with), articleText.slice(0, 400));
        for (const chrome of ['Skip to main content', 'Decrease font', 'Enlarge font', 'E-mail to a friend', 'Story Highlights', 'Next Article']) {
          assert.ok(!articleText.includes(chrome), `"${chrome}" is in the article`);
        }
        assert.match(await app.evaluate(() => document.title), new RegExp(expected.title));
        await app.screenshot(join(SCREENSHOTS, `${engine}-reader.png`));

        await app.paste({ 'text/plain': text }, { writer });
        await app.waitFor((t) => document.getElementById('kept-text').textContent === t && document.querySelector('#reader article h1'), [text]);
        assert.deepEqual(await blocks(app), fromHtml, 'text/plain gives the same clean copy as text/html');
        assert.equal(await app.evaluate(() => document.getElementById('error').hidden), true);
      });
    });

    test(`${engine}: reading settings change the article and survive a reload`, async () => {
      await withApp(env, async (app) => {
        await app.click('#try-example');
        await app.waitForSelector('#reader article h1');
        const style = () => app.evaluate(() => {
          const a = document.querySelector('#reader article');
          const s = getComputedStyle(a);
          return { font: s.fontFamily, size: s.fontSize, width: s.maxWidth, leading: s.lineHeight, bg: getComputedStyle(document.documentElement).backgroundColor };
        });
        const before = await style();
        await app.click('#settings summary');
        await app.selectOption('#font', 'sans');
        await app.selectOption('#width', 'wide');
        await app.selectOption('#leading', 'loose');
        await app.selectOption('#theme', 'sepia');
        await app.click('#larger');
        await app.click({ x: 5, y: 300 });
        await app.press('+');
        const after = await style();
        for (const key of Object.keys(before)) assert.notEqual(after[key], before[key], `${key} changed`);
        assert.match(after.font, /sans-serif/);
        assert.equal(after.size, '22px', 'two steps larger than 18 px, by button and by key');
        await app.screenshot(join(SCREENSHOTS, `${engine}-sepia.png`));

        await app.reload();
        await app.waitForSelector('#reader article h1');
        assert.deepEqual(await style(), after, 'the settings survive a reload');
        assert.equal(await app.evaluate(() => document.getElementById('theme').value), 'sepia');
      });
    });

    test(`${engine}: printing gives only the article, black on white, whatever the theme`, async (t) => {
      if (engine === 'webkit') {
        t.skip('WebKitWebDriver (WebKitGTK 2.50) has no Print Page command, and classic WebDriver no way to emulate print media');
        return;
      }
      await withApp(env, async (app, writer) => {
        await app.click('#settings summary');
        await app.selectOption('#theme', 'dark');
        await app.paste({ 'text/plain': examplePage().text }, { writer });
        await app.waitForSelector('#reader article h1');
        const pdf = await app.printPdf();
        const dir = mkdtempSync(join(tmpdir(), 'cleancopy-print-'));
        writeFileSync(join(dir, 'example.pdf'), pdf);
        writeFileSync(join(SCREENSHOTS, `${engine}-print.pdf`), pdf);
        const printed = fold(execFileSync('pdftotext', ['-layout', join(dir, 'example.pdf'), '-'], { encoding: 'utf8' }));
        assert.ok(printed.includes(expected.title), `title on paper:\n${printed.slice(0, 400)}`);
        assert.ok(printed.includes(`Source: ${expected.source}`), 'the source line on paper');
        assert.ok(printed.includes(fold(expected.body_starts_with).slice(0, 60)), `first paragraph on paper:\n${printed.slice(0, 600)}`);
        for (const label of ['Larger text', 'Smaller text', 'Try an example', 'Reading settings', 'Copy link', 'Send to Clean Copy']) {
          assert.ok(!printed.includes(label), `${label} printed`);
        }
        if (engine === 'firefox') {
          // Firefox draws no @page margin boxes; its own print footer, on by default, numbers the pages.
          t.diagnostic('firefox: no @page margin boxes, so the page numbers are the print footer\'s');
        } else {
          assert.match(printed, /\b1 ?\/ ?\d+\b/, 'page numbers are printed');
        }
        // The dark theme on screen, white paper: nearly every pixel of page 1 is white.
        const white = inkOfFirstPage(pdf);
        assert.ok(white > 0.8, `page 1 is ${(white * 100).toFixed(0)} % white`);
      });
    });

    test(`${engine}: the shipped faces load when chosen, line focus veils all but its lines, own colours warn under AA`, async () => {
      await withApp(env, async (app) => {
        await app.click('#try-example');
        await app.waitForSelector('#reader article h1');
        const fontFiles = () => app.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/fonts/')));
        assert.deepEqual(await fontFiles(), [], 'no font file is fetched until a face is chosen');
        await app.click('#settings summary');
        for (const [setting, family, folder] of [['legible', 'Atkinson Hyperlegible', 'atkinson-hyperlegible'], ['dyslexic', 'OpenDyslexic', 'opendyslexic'], ['book', 'Literata', 'literata']]) {
          await app.selectOption('#font', setting);
          const face = await app.waitFor((f) => {
            const regular = [...document.fonts].find((x) => x.family.replace(/"/g, '') === f && x.weight === '400' && x.style === 'normal' && x.status === 'loaded');
            return regular && document.fonts.check(`16px "${f}"`)
              && { font: getComputedStyle(document.querySelector('#reader article > p')).fontFamily };
          }, [family], { what: `${family} loaded` });
          assert.ok(face.font.replace(/"/g, '').startsWith(family), face.font);
          assert.ok((await fontFiles()).some((p) => p.startsWith(`/fonts/${folder}/`)), `${family}'s files fetched`);
        }
        await app.screenshot(join(SCREENSHOTS, `${engine}-literata.png`));
        if (engine !== 'webkit') {
          // On paper too: the face is embedded in the printed PDF.
          const dir = mkdtempSync(join(tmpdir(), 'cleancopy-face-'));
          writeFileSync(join(dir, 'face.pdf'), await app.printPdf());
          assert.match(execFileSync('pdffonts', [join(dir, 'face.pdf')], { encoding: 'utf8' }), /Literata/, 'the face is in the printed PDF');
        }

        // Line focus: three lines in a band, the rest veiled; the arrow keys move the band a line.
        await app.selectOption('#focus', '3');
        await app.click('#settings summary');
        const band = () => app.evaluate(() => {
          const [above, below] = document.querySelectorAll('.line-focus-shade');
          const a = above.getBoundingClientRect();
          const b = below.getBoundingClientRect();
          return { shown: !above.hidden && !below.hidden, top: a.bottom, height: b.top - a.bottom, line: parseFloat(getComputedStyle(document.querySelector('#reader article > p')).lineHeight), scrolled: window.scrollY };
        });
        const first = await band();
        assert.ok(first.shown, 'the veils are shown');
        assert.ok(Math.abs(first.height - 3 * first.line) <= 3, `a band of three lines: ${JSON.stringify(first)}`);
        await app.click({ x: 5, y: 5 });
        await app.press('ArrowDown');
        const moved = await band();
        // The next line of text: the band a line down (or past the gap to the next paragraph),
        // or, where the band meets the edge of the window, the text a line up through it.
        const down = moved.top - first.top + (moved.scrolled - first.scrolled);
        assert.ok(down > first.line / 2 && down < first.line * 2.5, `a line down: ${JSON.stringify(first)} to ${JSON.stringify(moved)}`);
        await app.screenshot(join(SCREENSHOTS, `${engine}-line-focus.png`));
        // The pointer takes the band to the line under it.
        await app.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: 600, y: 600, duration: 0 }] }]);
        const pointed = await band();
        assert.ok(Math.abs(pointed.top + pointed.height / 2 - 600) < pointed.line, `the band at the pointer: ${JSON.stringify(pointed)}`);
        await app.click('#settings summary');
        await app.selectOption('#focus', 'off');
        assert.equal(await app.evaluate(() => [...document.querySelectorAll('.line-focus-shade')].every((s) => s.hidden)), true);

        // Own colours: a faint pair is warned of; a readable one is taken, and kept.
        await app.selectOption('#theme', 'custom');
        const setColours = (c) => app.evaluate((colours) => {
          for (const [id, value] of Object.entries(colours)) {
            const input = document.getElementById(id);
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }
          return document.getElementById('contrast-warning').textContent;
        }, c);
        assert.match(await setColours({ 'colour-text': '#777777', 'colour-background': '#888888' }), /Hard to read: text on this background has a contrast of 1\.\d:1/);
        assert.equal(await setColours({ 'colour-text': '#1a2a1a', 'colour-background': '#f0f7e8', 'colour-link': '#8a1c1c' }), '');
        await app.screenshot(join(SCREENSHOTS, `${engine}-own-colours.png`));
        await app.reload();
        await app.waitForSelector('#reader article h1');
        assert.deepEqual(await app.evaluate(() => ({
          theme: document.getElementById('theme').value,
          bg: getComputedStyle(document.documentElement).backgroundColor,
          link: getComputedStyle(document.querySelector('#reader article a') ?? document.body).color,
        })).then((c) => [c.theme, c.bg]), ['custom', 'rgb(240, 247, 232)'], 'the colours are remembered');
      });
    });

    test(`${engine}: a share link opens the same clean copy in another browser`, async () => {
      let link;
      let sent;
      let html;
      await withApp(env, async (app) => {
        await app.click('#try-example');
        await app.waitForSelector('#reader article h1');
        await app.click('#copy-link');
        await app.waitForSelector('#notice', { text: 'Link copied' });
        link = await app.evaluate(() => window.cleanCopyApp.shareLink());
        sent = await blocks(app);
        html = await app.evaluate(() => document.querySelector('#reader article').innerHTML);
      });
      assert.match(link, new RegExp(`^${env.url}#cc\\d\\.`));
      const friend = await env.browser.session();
      try {
        const page = await friend.page();
        await page.goto(link);
        await page.waitForSelector('#reader article h1');
        assert.deepEqual(await blocks(page), sent);
        assert.equal(await page.evaluate(() => document.querySelector('#reader article').innerHTML), html);
      } finally {
        await friend.close();
      }
    });

    test(`${engine}: a long article's e-mail carries its link through the clipboard, whole`, async () => {
      const long = longArticle();
      let link;
      const session = await env.browser.session();
      try {
        const app = await openApp(env, session);
        const writer = await session.page({ fresh: true });
        await writer.goto(env.site);
        await app.paste({ 'text/html': long.html, 'text/plain': 'x' }, { writer });
        await app.waitForSelector('#reader article h1', { text: long.title });
        await app.waitFor(() => document.getElementById('email').getAttribute('aria-disabled') !== 'true', [], { what: 'the e-mail link made' });
        link = await app.evaluate(() => window.cleanCopyApp.shareLink());
        assert.ok(link.length > 8000, `the link is ${link.length} characters`);
        const mail = await app.evaluate(() => {
          // No mail program here: the click does all but open one.
          document.addEventListener('click', (e) => { if (e.target.closest?.('#email')) e.preventDefault(); }, true);
          const a = document.getElementById('email');
          return { href: a.getAttribute('href'), fits: a.dataset.fits };
        });
        assert.equal(mail.fits, 'false');
        assert.ok(mail.href.length < 2000 && mail.href.includes('subject=A%20long%20letter'), mail.href);
        await app.click('#email');
        await app.waitForSelector('#notice', { text: 'The link is on your clipboard' });

        // Pasted into a mail composer's message box: the title, linked to the clean copy, and
        // the link spelled out, both whole.
        const composer = await session.page({ fresh: true });
        await composer.goto(`${env.origin}/composer.html`);
        await composer.click({ x: 300, y: 150 });
        await composer.press('Control+V');
        const pasted = await composer.waitFor(() => window.pasted && {
          ...window.pasted,
          anchor: document.querySelector('#message a')?.getAttribute('href'),
          shown: document.getElementById('message').innerText,
        }, [], { what: 'the paste in the composer' });
        assert.ok(pasted.html.includes(link.replaceAll('&', '&amp;')), `text/html holds the whole link (${pasted.html.length} characters)`);
        assert.ok(pasted.text.includes(link), 'text/plain holds the whole link');
        assert.ok(pasted.text.startsWith(long.title), pasted.text.slice(0, 80));
        assert.equal(pasted.anchor, link, 'the composer keeps the link whole');
        assert.ok(pasted.shown.includes(long.title));
      } finally {
        await session.close();
      }
      // The friend opens what was pasted.
      const friend = await env.browser.session();
      try {
        const page = await friend.page();
        await page.goto(link);
        await page.waitForSelector('#reader article h1', { text: long.title });
        assert.ok((await blocks(page)).length > 30);
      } finally {
        await friend.close();
      }
    });

    test(`${engine}: after one visit the app loads and works with its server gone`, async () => {
      const server = await startServer({ root: join(projectDir, 'www'), port: 0 });
      const url = `http://127.0.0.1:${server.address().port}/`;
      const session = await env.browser.session();
      try {
        const page = await session.page();
        await page.goto(url);
        await page.waitFor(async () => {
          await navigator.serviceWorker.ready;
          return Boolean(navigator.serviceWorker.controller) || (await caches.keys()).length > 0;
        }, [], { what: 'the service worker ready' });
        // Everything cached: the worker's install waits for all the files.
        await page.waitFor(async () => (await (await caches.open('cleancopy-app')).keys()).length >= 10, [], { what: 'the app cached' });
        // The app ready before the click; the worker may still be fetching the on-demand modules
        // beside the page (slowly, in WebKit on a loaded machine), so the first copy may take longer.
        await page.waitFor(async () => { await window.cleanCopyApp.ready; return true; }, [], { what: 'the app ready' });
        await page.click('#try-example');
        await page.waitForSelector('#reader article h1', { timeout: 90_000 });
        await close(server);
        await page.reload();
        await page.waitForSelector('#reader article h1');
        assert.equal(await page.evaluate(() => document.getElementById('status').textContent.startsWith('Showing')), true);
        const writer = await session.page({ fresh: true });
        await writer.goto(env.site);
        await page.paste({ 'text/plain': examplePage().text }, { writer });
        await page.waitForSelector('#reader article h1', { text: 'Russia downgrades ties with Hamas' });
      } finally {
        await session.close();
        if (server.listening) await close(server);
      }
    });

    test(`${engine}: the bookmarklet, clicked on a page of another origin, opens its clean copy`, async () => {
      const session = await env.browser.session();
      try {
        const app = await openApp(env, session);
        const href = await app.evaluate(() => document.getElementById('bookmarklet').getAttribute('href'));
        const site = await session.page({ fresh: true });
        await site.goto(`${env.origin}${PATH}?from=home`);
        await site.waitForSelector('#story h1');
        // The link exactly as the app offers it, clicked as a bookmark is: the browser runs it.
        await site.evaluate((h) => {
          const a = document.createElement('a');
          a.id = 'bookmark';
          a.textContent = 'Send to Clean Copy';
          a.setAttribute('href', h);
          a.style.cssText = 'position:fixed;left:300px;top:10px;padding:10px;background:#fff';
          document.body.append(a);
        }, href);
        await site.click('#bookmark');
        const popup = await session.opened();
        await popup.waitForSelector('#reader article h1');
        assert.equal(await popup.evaluate(() => document.querySelector('#reader article h1').textContent), HEADLINE);
        const links = await popup.evaluate(() => ({
          report: [...document.querySelectorAll('#reader article a')].find((a) => a.textContent === 'its report')?.getAttribute('href'),
          image: document.querySelector('#reader article img')?.getAttribute('src'),
          source: document.querySelector('#reader .source a')?.getAttribute('href'),
          hash: location.hash,
        }));
        assert.deepEqual(links, {
          report: `${env.origin}/news/council/report.html`, image: `${env.origin}/news/2026/img/ferry.jpg`, source: `${env.origin}${PATH}?from=home`, hash: '',
        });
        await popup.screenshot(join(SCREENSHOTS, `${engine}-sent.png`));
      } finally {
        await session.close();
      }
    });

    test(`${engine}: no XSS payload fires or survives, pasted as text/html and as text/plain, or dispatched raw`, async (t) => {
      await withApp(env, async (app, writer) => {
        assert.equal(await app.evaluate(detector), true);
        // Control: the hooks see a call, and a style attribute written past the core, which
        // the page's policy refuses and reports.
        const control = await app.evaluate(async () => {
          window.alert('control');
          const img = document.createElement('img');
          img.setAttribute('style', 'color: red');
          document.body.append(img);
          let trusted;
          try {
            document.getElementById('reader').innerHTML = '<b>not through the policy</b>';
            trusted = 'not enforced';
          } catch {
            trusted = 'enforced';
          }
          await new Promise((ok) => setTimeout(ok, 300));
          img.remove();
          const seen = window.__fired.map((h) => h.how);
          window.__fired = [];
          return { seen, trusted };
        });
        assert.ok(control.seen.includes('alert(control)'), JSON.stringify(control));
        assert.ok(control.seen.some((h) => h.startsWith('csp style-src')), JSON.stringify(control));
        t.diagnostic(`${engine}: Trusted Types ${control.trusted}`);
        const findings = [];
        // Marks what comes in next (for the hooks) and returns what the app keeps now.
        const next = (label) => app.evaluate((l) => { window.__current = l; return document.getElementById('kept-text').textContent; }, label);
        // Once the app has taken a new paste: whether its heading is `title`, and the audit.
        const takenIn = `(before, title, payload) => {
          const kept = document.getElementById('kept-text').textContent;
          if (kept === before) return null;
          return { intact: document.querySelector('#reader article h1')?.textContent === title, verbatim: kept.includes(payload), found: (${audit})() };
        }`;
        const taken = (before, title, payload = '') => app.waitFor(takenIn, [before, title, payload], { what: `the paste of ${title}` });
        let intact = 0;
        let verbatim = 0;
        for (const [i, v] of vectors.entries()) {
          const p = v.payload;
          const html = `<html><head><title>Payload ${i}</title></head><body><article><h1>Payload ${i}</h1>`
            + `<p>A paragraph long enough to be the story, with commas, words and more words around it.</p>${p}`
            + '<p>Another paragraph of the story follows the payload, so that it sits in the middle.</p></article></body></html>';
          // A real paste: what the engine's clipboard makes of the markup reaches the app.
          // (WebKit rewrites HTML written to its clipboard, and mangles some payloads whole.)
          let before = await next(`${i} text/html`);
          await app.paste({ 'text/html': html, 'text/plain': 'x' }, { writer });
          let result = await taken(before, `Payload ${i}`, p);
          if (result.intact) intact += 1;
          if (result.verbatim) verbatim += 1;
          findings.push(...result.found.map((f) => `${i} text/html ${f}`));

          // The markup exactly as written, in a paste event of the page's own making (a
          // ClipboardEvent with a DataTransfer), which no clipboard rewrites. Firefox gives such
          // an event an empty DataTransfer of its own, and fills it from the older `dataType`
          // and `data` members instead.
          before = await next(`${i} raw text/html`);
          await app.evaluate((markup) => {
            const data = new DataTransfer();
            data.setData('text/html', markup);
            data.setData('text/plain', 'x');
            const init = { clipboardData: data, dataType: 'text/html', data: markup, bubbles: true, cancelable: true };
            document.body.dispatchEvent(new ClipboardEvent('paste', init));
          }, html.replaceAll(`Payload ${i}<`, `Raw ${i}<`));
          result = await taken(before, `Raw ${i}`, p);
          assert.ok(result.intact, `raw ${i}: the heading is the page's`);
          assert.ok(result.verbatim, `raw ${i}: the payload reached the app as written`);
          findings.push(...result.found.map((f) => `${i} raw text/html ${f}`));

          before = await next(`${i} text/plain`);
          await app.paste({ 'text/plain': `Payload ${i} as text\n\n${p}\n\nThe end of the pasted text, one more sentence.` }, { writer });
          result = await taken(before, null);
          findings.push(...result.found.map((f) => `${i} text/plain ${f}`));
        }
        t.diagnostic(`${engine}: of ${vectors.length} text/html pastes, ${intact} reached the app with their heading intact, ${verbatim} with the payload as written`);
        const fired = await app.evaluate(() => window.__fired);
        console.log(`${engine}: replayed ${vectors.length} payloads, pasted as text/html and text/plain and dispatched raw; fired: ${fired.length}; audit findings: ${findings.length}`);
        assert.deepEqual(fired, []);
        assert.deepEqual(findings, []);
      });
    });
  });
}
