// A phone is a place to read: on a 390 × 844 touch screen a reader pastes into the paste box,
// reads with the controls pinned in a short row and the rest behind Menu, sees that a wide table
// scrolls, and shares pages to the installed app; on a desktop, Escape closes the reading
// settings and the pinned header stays within a third of the window. Chromium through
// playwright-core; WebKit through WebKitWebDriver (engines.mjs), briefly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './engines.mjs';
import { examplePage } from './example-page.mjs';
import { fold, openApp, projectDir, readShared, useBrowser } from './helpers.mjs';
import { siteServer } from './story-site.mjs';
import { SHARE_TARGET } from '../../tools/serve.mjs';

const env = useBrowser();
const expected = JSON.parse(readShared('examples/news-page-copied-as-text.expected.json'));
const SCREENSHOTS = process.env.CLEANCOPY_SCREENSHOTS ?? join(projectDir, 'out', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const manifest = JSON.parse(readFileSync(join(projectDir, 'www/manifest.webmanifest'), 'utf8'));

const PHONE = { width: 390, height: 844 };
/** A phone's browser: its screen, touch, its pixel density. */
const phoneContext = (options = {}) => env.browser.newContext({
  viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 3, permissions: ['clipboard-read', 'clipboard-write'], ...options,
});

/** The controls Menu holds on a small screen, by their accessible names. */
const IN_MENU = ['Open a file…', 'Try an example', 'Remove blocks', 'Undo removal', 'Copy link', 'E-mail to a friend', 'Copy article', 'Save page', 'Save Markdown', 'Save text', 'Recent articles'];

/** The pinned header's box. */
const headerBox = (page) => page.evaluate(() => {
  const r = document.getElementById('app-header').getBoundingClientRect();
  return { top: r.top, height: r.height };
});

/** A real paste into the box: the clipboard written by the page, a tap on the box, Ctrl+V. */
async function pasteInBox(page, flavours) {
  await page.evaluate(async (items) => {
    const parts = {};
    for (const [type, text] of Object.entries(items)) parts[type] = new Blob([text], { type });
    await navigator.clipboard.write([new ClipboardItem(parts)]);
  }, flavours);
  await page.tap('#paste-box');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'paste-box', 'the tap puts the caret in the box');
  await page.keyboard.press('Control+V');
}

async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

test('phone: a real paste into the box shows the article, and the controls stay short and at hand far down', async () => {
  const context = await phoneContext();
  const page = await openApp(env, { context });
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-start.png') });
  // A phone offers Paste only in an editable field: the box is one, named for screen readers.
  await assert.doesNotReject(page.getByRole('textbox', { name: 'Paste here' }).waitFor());
  const { text, html } = examplePage();
  await pasteInBox(page, { 'text/html': html, 'text/plain': text });
  await page.locator('#reader article h1').waitFor();
  assert.equal(fold(await page.locator('#reader article h1').innerText()), expected.title);
  assert.equal(await page.inputValue('#paste-box'), '', 'the box is emptied');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'paste-box', 'the box lets go of focus, and the on-screen keyboard of the screen');
  assert.match(await page.evaluate(() => window.cleanCopyApp.keptInput()), /<ul class="tools">/, 'the paste went the page\'s way: text/html first');

  const start = await headerBox(page);
  assert.ok(start.height <= PHONE.height / 8, `the controls take ${start.height} px of ${PHONE.height}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-article.png') });

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const far = await page.evaluate(() => window.scrollY);
  assert.ok(far > 1500, `scrolled ${far} px down`);
  const down = await headerBox(page);
  assert.deepEqual(down, start, 'the header is pinned where it was');
  const hit = await page.evaluate(() => ['larger', 'smaller', 'print', 'menu-button'].map((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('button')?.id;
  }));
  assert.deepEqual(hit, ['larger', 'smaller', 'print', 'menu-button'], 'the controls are on top, not under the article');
  const size = () => page.locator('#reader article').evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
  const before = await size();
  await page.tap('#larger');
  assert.ok(await size() > before, 'Larger text, tapped far down the article, works');
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-scrolled.png') });
  console.log(`phone 390 × 844: the pinned controls take ${start.height} px (≤ ${PHONE.height / 8}); at ${far} px down they are still at the top`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('phone: text typed into the box is cleaned by Clean and by Ctrl+Enter; a keyboard\'s paste without a paste event is taken too', async () => {
  const context = await phoneContext();
  const page = await openApp(env, { context });
  const note = 'Harbour notes\n\nThe ferry leaves at seven every morning, and at five on Sundays, from the north pier by the old fish market.\n\nThe last boat back sails at nine, weather allowing, and the harbour office posts any change on its board.';
  await page.tap('#paste-box');
  await page.keyboard.insertText(note);
  await page.tap('#paste-clean');
  await page.locator('#reader article h1', { hasText: 'Harbour notes' }).waitFor();
  assert.equal(await page.inputValue('#paste-box'), '');

  await page.tap('#paste-box');
  await page.keyboard.insertText(note.replace('Harbour notes', 'Ferry notes'));
  await page.keyboard.press('Control+Enter');
  await page.locator('#reader article h1', { hasText: 'Ferry notes' }).waitFor();

  // An on-screen keyboard pasting from its own clipboard: an input of the kind
  // "insertFromPaste" with no paste event before it (dispatched here as such a keyboard would
  // cause it: the text lands in the box, then the input event).
  await page.evaluate((t) => {
    const box = document.getElementById('paste-box');
    box.value = t;
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, note.replace('Harbour notes', 'Island notes'));
  await page.locator('#reader article h1', { hasText: 'Island notes' }).waitFor();
  assert.equal(await page.inputValue('#paste-box'), '');
  // The same as a cancellable beforeinput that carries the data: taken before it lands.
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const box = document.getElementById('paste-box');
    box.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, cancelable: true, bubbles: true }));
  }, note.replace('Harbour notes', 'Pier notes'));
  await page.locator('#reader article h1', { hasText: 'Pier notes' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('phone: Menu opens and closes (Escape, a tap elsewhere, a control used), every control in it keeps its name; a message under the controls goes once read', async () => {
  // axe is injected as a script, which the page's own CSP would (rightly) refuse.
  const context = await phoneContext({ bypassCSP: true });
  const page = await openApp(env, { context });
  const menu = page.getByRole('button', { name: 'Menu' });
  for (const name of ['Smaller text', 'Larger text', 'Print']) assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), `${name} is in the pinned row`);
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  for (const name of IN_MENU) assert.equal(await page.getByRole('button', { name, exact: true }).isVisible(), false, `${name} waits behind Menu`);

  await menu.tap();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  for (const name of IN_MENU) assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), `${name} is in the open menu, by its name`);
  assert.ok(await page.locator('summary', { hasText: 'Reading settings' }).isVisible());
  const panel = await page.locator('#more-controls').boundingBox();
  assert.ok(panel.y + panel.height <= PHONE.height, 'the open menu fits on the screen (it scrolls within)');
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-menu.png') });

  // A control used closes the menu, focus back on Menu.
  await page.getByRole('button', { name: 'Try an example' }).tap();
  await page.locator('#reader article h1').waitFor();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'menu-button');

  // Escape from inside closes it, focus back on Menu; from the reading settings inside it,
  // Escape closes those first.
  await menu.tap();
  await page.locator('#copy-link').focus();
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'menu-button');
  await menu.tap();
  await page.locator('#settings summary').tap();
  await page.locator('#theme').focus();
  assert.deepEqual(await axeViolations(page), [], 'axe, with the menu and the reading settings open');
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-menu-settings.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.getElementById('settings').open), false);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reading settings');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');

  // A tap on the article, below the open menu, closes it.
  await menu.tap();
  await page.touchscreen.tap(PHONE.width / 2, PHONE.height - 20);
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(await axeViolations(page), [], 'axe, with the menu closed and the article shown');

  // A message under the controls (here: a link copied) gives its room back once read and
  // scrolled past.
  await page.evaluate(() => window.scrollTo(0, 0));
  await menu.tap();
  await page.getByRole('button', { name: 'Copy link' }).tap();
  await page.locator('#notice').waitFor();
  const withNotice = (await headerBox(page)).height;
  await page.evaluate(() => window.scrollTo(0, window.innerHeight));
  await page.locator('#notice').waitFor({ state: 'hidden' });
  const after = (await headerBox(page)).height;
  assert.ok(after <= PHONE.height / 8, `the controls take ${after} px once the message has gone`);
  console.log(`phone: the pinned header with a message under it ${withNotice} px, ${after} px once scrolled on`);
  await context.close();
});

/** How far the pixels at each edge of `locator`'s box differ from the same box drawn without
 * its backgrounds (mean over the channels, 0 to 255): what the edges' shadows add. */
async function edgeTint(page, decoder, locator) {
  const shot = async () => (await locator.screenshot()).toString('base64');
  const withSign = await shot();
  await locator.evaluate((el) => { el.style.backgroundImage = 'none'; });
  const without = await shot();
  await locator.evaluate((el) => { el.style.backgroundImage = ''; });
  return decoder.evaluate(async ([a, b, strip]) => {
    const pixels = async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, img.width, img.height);
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    const mean = (x0, x1) => {
      let sum = 0;
      let n = 0;
      for (let y = 0; y < p.height; y += 1) {
        for (let x = x0; x < x1; x += 1) {
          const i = (y * p.width + x) * 4;
          sum += (Math.abs(p.data[i] - q.data[i]) + Math.abs(p.data[i + 1] - q.data[i + 1]) + Math.abs(p.data[i + 2] - q.data[i + 2])) / 3;
          n += 1;
        }
      }
      return sum / n;
    };
    return { left: mean(0, strip), right: mean(p.width - strip, p.width) };
  }, [withSign, without, 4 * 3]);
}

test('phone: a wide table scrolls in its own box with a shadow at the edge that has more, in every theme, and prints whole', async () => {
  const context = await phoneContext();
  const page = await openApp(env, { context });
  const decoder = await env.browser.newPage();
  const cols = 12;
  const md = `# Ferry timetable\n\nThe winter timetable, every crossing of the week.\n\n| ${Array.from({ length: cols }, (_, i) => `Column ${i}`).join(' | ')} |\n|${' --- |'.repeat(cols)}\n| ${Array.from({ length: cols }, (_, i) => `value ${i}`).join(' | ')} |\n| ${Array.from({ length: cols }, (_, i) => `more ${i}`).join(' | ')} |\n\nThe timetable may change in bad weather.\n`;
  await page.tap('#paste-box');
  await page.keyboard.insertText(md);
  await page.tap('#paste-clean');
  const table = page.locator('#reader article table');
  await table.waitFor();
  await table.scrollIntoViewIfNeeded();
  const box = await table.evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth, overflow: getComputedStyle(t).overflowX, page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  assert.ok(box.scroll > box.client * 1.5, `the table is wider than its box (${box.scroll} > ${box.client})`);
  assert.equal(box.overflow, 'auto');
  assert.ok(box.page <= box.view, 'the page itself does not widen');
  const tints = {};
  for (const theme of ['light', 'sepia', 'dark', 'contrast']) {
    await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    await table.evaluate((t) => { t.scrollLeft = 0; });
    const atStart = await edgeTint(page, decoder, table);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-table-${theme}.png`) });
    await table.evaluate((t) => { t.scrollLeft = t.scrollWidth; });
    const atEnd = await edgeTint(page, decoder, table);
    tints[theme] = { atStart, atEnd };
    assert.ok(atStart.right > 8, `${theme}: a shadow at the right edge while there is more (${atStart.right.toFixed(1)})`);
    assert.ok(atStart.left < 1, `${theme}: none at the left edge at the start (${atStart.left.toFixed(1)})`);
    assert.ok(atEnd.left > 8, `${theme}: a shadow at the left edge once scrolled to the end (${atEnd.left.toFixed(1)})`);
    assert.ok(atEnd.right < 1, `${theme}: none at the right edge at the end (${atEnd.right.toFixed(1)})`);
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-table-end.png') });
  console.log(`edge shadow (mean channel difference, 4 px strip): ${Object.entries(tints).map(([t, v]) => `${t} ${v.atStart.right.toFixed(0)}/${v.atEnd.left.toFixed(0)}`).join(', ')}`);

  // On paper the table is whole: every column within the page (an A4 page's width inside its
  // margins), the last one printed.
  await page.setViewportSize({ width: 673, height: PHONE.height });
  await page.emulateMedia({ media: 'print' });
  const printed = await table.evaluate((t) => {
    const article = t.closest('article').getBoundingClientRect();
    const cells = [...t.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().right);
    return { display: getComputedStyle(t).display, right: Math.max(...cells), edge: article.right, scroll: t.scrollWidth, client: t.clientWidth };
  });
  assert.equal(printed.display, 'table');
  assert.ok(printed.right <= printed.edge + 0.5, `every cell within the page (${printed.right} ≤ ${printed.edge})`);
  const dir = mkdtempSync(join(tmpdir(), 'cleancopy-table-'));
  writeFileSync(join(dir, 'table.pdf'), await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', [join(dir, 'table.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const cell of ['Column0', 'Column11', 'more11']) assert.ok(text.includes(cell), `${cell} is on paper`);
  await decoder.close();
  await context.close();
});

/** Shares to the installed app as the system does: a real multipart POST navigation to the
 * manifest's share target, from a page of the app's origin (its example text, which has no
 * policy refusing forms), with the manifest's field names. */
async function share(page, { title, text, url, file }) {
  const target = manifest.share_target;
  await page.goto(`${env.url}example.txt`);
  await page.evaluate(({ action, method, enctype, params, fields, file: f }) => {
    const form = document.createElement('form');
    form.method = method;
    form.enctype = enctype;
    form.action = new URL(action, new URL('manifest.webmanifest', location.href)).href;
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = params[key];
      input.value = value;
      form.append(input);
    }
    if (f) {
      const input = document.createElement('input');
      input.type = 'file';
      input.name = params.files[0].name;
      const files = new DataTransfer();
      files.items.add(new File([f.content], f.name, { type: f.type }));
      input.files = files.files;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, { ...target, fields: { title, text, url }, file });
}

/** A phone context whose app's service worker is in control. */
async function installed() {
  const context = await phoneContext();
  const page = await openApp(env, { context });
  // The example text, a plain text document, makes the browser ask for /favicon.ico, which the
  // app does not have: the one address allowed to be missing.
  page.missing = [];
  page.on('response', (r) => { if (r.status() === 404) page.missing.push(new URL(r.url()).pathname); });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page };
}

test('the manifest declares the share target the service worker and the server answer', () => {
  const target = manifest.share_target;
  assert.equal(target.method, 'POST');
  assert.equal(target.enctype, 'multipart/form-data');
  assert.deepEqual(Object.keys(target.params).sort(), ['files', 'text', 'title', 'url']);
  assert.deepEqual(target.params.files[0].accept, ['text/html', '.html', '.htm', 'text/plain', '.txt', 'text/markdown', '.md']);
  assert.equal(new URL(target.action, 'http://app.example/').pathname, SHARE_TARGET);
  const sw = readFileSync(join(projectDir, 'www/sw.js'), 'utf8');
  assert.match(sw, new RegExp(`SHARE_TARGET = '${target.action}'`));
});

test('phone: an HTML file and a text shared to the app open as clean copies, each read once', async () => {
  const { context, page } = await installed();
  const { html } = examplePage();
  await share(page, { title: 'A page', file: { name: 'story.html', type: 'text/html', content: html } });
  await page.locator('#reader article h1').waitFor();
  assert.equal(fold(await page.locator('#reader article h1').innerText()), expected.title, 'the HTML file read as HTML');
  const after = await page.evaluate(async () => ({ hash: location.hash, kept: (await (await caches.open('cleancopy-shared')).keys()).length }));
  assert.deepEqual(after, { hash: '', kept: 0 }, 'what was shared is read once and deleted');
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-shared-file.png') });

  const body = 'The ferry will run all winter, the council said on Monday, after a long campaign by the islanders.\n\nFishermen, teachers and nurses, who cross twice a day, had written letters and filled the town hall.\n\nThe operator will get a grant, paid over three years, in return for a fixed timetable.';
  await share(page, { title: 'Ferry will run all winter', text: body, url: 'https://news.example/2026/ferry.html' });
  await page.locator('#reader article h1', { hasText: 'Ferry will run all winter' }).waitFor();
  const article = fold(await page.locator('#reader article').innerText());
  assert.ok(article.includes('Fishermen, teachers and nurses'), article.slice(0, 300));
  assert.equal(await page.locator('#reader .source a').getAttribute('href'), 'https://news.example/2026/ferry.html', 'the address shared with the text is its source');
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-shared-text.png') });

  // A text file (under a bare name, as some systems share one) is read as a text file.
  await share(page, { file: { name: 'notes', type: 'text/plain', content: `Island notes\n\n${body}` } });
  await page.locator('#reader article h1', { hasText: 'Island notes' }).waitFor();
  assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
  assert.deepEqual(page.missing.filter((path) => path !== '/favicon.ico'), []);
  await context.close();
});

test('phone: a web address shared alone gets the message for a pasted address', async () => {
  const { context, page } = await installed();
  await share(page, { title: 'Ferry | The Island Times', url: 'https://news.example/2026/ferry.html' });
  await page.locator('#address').waitFor();
  assert.equal(await page.locator('#address-link').innerText(), 'https://news.example/2026/ferry.html');
  assert.equal(await page.locator('#reader article').count(), 0);
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-shared-address.png') });
  await context.close();
});

test('phone: a share that reaches the server (no service worker in control) opens the app, which says what to do', async () => {
  const context = await phoneContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await share(page, { title: 'A page', text: 'Some text that was shared before the app could take it.' });
  await page.locator('#error').waitFor();
  assert.match(await page.locator('#error').innerText(), /did not reach Clean Copy.*share the page again/s);
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-shared-fallback.png') });
  await context.close();
});

test('desktop: Escape closes the reading settings, focus back on them; the open settings keep the pinned header within a third of the window', async () => {
  const heights = [];
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1100, height: 600 }]) {
    const context = await env.browser.newContext({ viewport });
    const page = await openApp(env, { context });
    await page.locator('#try-example').click();
    await page.locator('#reader article h1').waitFor();
    assert.equal(await page.locator('#menu-button').isVisible(), false, 'no menu on a large screen');
    const closed = await headerBox(page);
    await page.locator('#settings summary').click();
    const open = await page.evaluate(() => {
      const h = document.getElementById('app-header');
      return { height: h.getBoundingClientRect().height, scrolls: h.scrollHeight > h.clientHeight };
    });
    assert.ok(open.height <= viewport.height / 3, `${viewport.width} × ${viewport.height}: the header with the settings open is ${open.height} px`);
    heights.push(`${viewport.width} × ${viewport.height}: ${closed.height.toFixed(0)} px, ${open.height.toFixed(0)} px with the settings open${open.scrolls ? ' (scrolling within)' : ''}`);
    await page.screenshot({ path: join(SCREENSHOTS, `desktop-${viewport.width}-settings.png`) });
    // The header stays pinned, with the settings, far down the article.
    await page.evaluate(() => window.scrollTo(0, 1200));
    assert.equal((await headerBox(page)).top, 0);

    await page.locator('#font').focus();
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.getElementById('settings').open), false);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reading settings');
    // Open from the keyboard; Escape with focus elsewhere closes them too.
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.getElementById('settings').open), true);
    await page.locator('#reader article h1').click();
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.getElementById('settings').open), false);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
  console.log(`desktop header: ${heights.join('; ')}`);
});

const webkit = (process.env.CLEANCOPY_ENGINES?.split(',') ?? ['webkit']).includes('webkit');
describe('webkit', { skip: !webkit && 'CLEANCOPY_ENGINES leaves WebKit out' }, () => {
  const wk = {};
  before(async () => {
    wk.site = await siteServer();
    wk.browser = await launch('webkit');
  });
  after(async () => {
    await wk.browser?.close();
    await new Promise((ok) => (wk.site ? wk.site.close(ok) : ok()));
  });

  test('webkit at phone size: a paste into the box, read with the controls at hand', async (t) => {
    const session = await wk.browser.session();
    try {
      const app = await session.page();
      // The window's outer size: WebKitGTK's browser adds its own bar above the page, and has
      // a least width of its own.
      await app.call('POST', '/window/rect', { width: PHONE.width, height: PHONE.height + 38 });
      await app.goto(env.url);
      await app.waitFor(() => document.getElementById('status').textContent.startsWith('Ready'), [], { what: 'the app ready' });
      const view = await app.evaluate(() => ({ width: innerWidth, height: innerHeight }));
      assert.ok(view.width <= 600, `a small screen: ${view.width} px wide`);
      const writer = await session.page({ fresh: true });
      await writer.goto(`http://127.0.0.1:${wk.site.address().port}/writer.html`);
      const { text, html } = examplePage();
      await writer.evaluate((items) => { window.pending = items; window.written = null; }, { 'text/html': html, 'text/plain': text });
      await writer.click({ x: 100, y: 40 });
      assert.equal(await writer.waitFor(() => window.written), 'ok');
      await app.activate();
      await app.evaluate(() => { window.seen = []; document.addEventListener('pointerdown', (e) => window.seen.push(e.pointerType), true); });
      // A tap on the box, as touch where the driver takes it, then Ctrl+V.
      const { x, y } = await app.centre('#paste-box');
      await app.actions([{ type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions: [{ type: 'pointerMove', x, y, duration: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }]);
      const seen = await app.evaluate(() => ({ focus: document.activeElement.id, pointer: window.seen }));
      t.diagnostic(`webkit ${view.width} × ${view.height}: a touch tap through WebDriver reaches the page as pointerType ${seen.pointer.join(', ') || 'nothing'}`);
      assert.equal(seen.focus, 'paste-box');
      await app.press('Control+V');
      await app.waitForSelector('#reader article h1');
      assert.equal(fold(await app.evaluate(() => document.querySelector('#reader article h1').textContent)), expected.title);
      assert.equal(await app.evaluate(() => document.getElementById('paste-box').value), '');
      const header = await app.evaluate(() => document.getElementById('app-header').getBoundingClientRect().height);
      assert.ok(header <= view.height / 8, `the controls take ${header} px of ${view.height}`);
      await app.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const down = await app.evaluate(() => {
        const r = document.getElementById('larger').getBoundingClientRect();
        return { y: window.scrollY, top: document.getElementById('app-header').getBoundingClientRect().top, hit: document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('button')?.id };
      });
      assert.ok(down.y > 1000 && down.top === 0 && down.hit === 'larger', JSON.stringify(down));
      await app.click('#menu-button');
      assert.equal(await app.evaluate(() => document.getElementById('menu-button').getAttribute('aria-expanded')), 'true');
      await app.screenshot(join(SCREENSHOTS, 'webkit-phone-menu.png'));
      await app.press('Escape');
      assert.equal(await app.evaluate(() => document.getElementById('menu-button').getAttribute('aria-expanded')), 'false');
      await app.screenshot(join(SCREENSHOTS, 'webkit-phone-scrolled.png'));
      console.log(`webkit ${view.width} × ${view.height}: the pinned controls take ${header} px (≤ ${view.height / 8})`);
    } finally {
      await session.close();
    }
  });
});
