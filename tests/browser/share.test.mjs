// Sharing and saving as a reader does it: copy a link and open it elsewhere, e-mail it, save
// the article three ways, reload, go offline, and open links that were cut short or changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { articleBlocks, fold, openApp, paste, projectDir, readShared, useBrowser, CHROMIUM_ARGS } from './helpers.mjs';
import { longArticle } from './long-article.mjs';
import { startServer } from '../../tools/serve.mjs';

const env = useBrowser();
const TRICKY_TITLE = 'Cafés & bars: #1? 🍷 Ferry saved';
/** A share link as the first version wrote it (`cc1.`, the article's JSON); legacy/'s tests
 * check what it holds. */
const FIRST_VERSION_LINK = readFileSync(join(projectDir, 'tests/fixtures/link-v1.txt'), 'utf8').trim();

/** A small page whose title has every character mailto: must encode. */
function trickyPage() {
  const paras = [
    'The ferry between the two islands will keep running through the winter, the council said on Monday, after a long campaign.',
    'Fishermen, teachers and nurses, who cross twice a day, had written letters, signed petitions and filled the town hall.',
    'The operator, which lost money last year, will get a grant, paid over three years, in return for a fixed timetable.',
  ];
  return `<html><head><title>${TRICKY_TITLE}</title><link rel="canonical" href="https://news.example/ferry?id=7&amp;from=home"></head>
    <body><article><h1>${TRICKY_TITLE}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

/** RFC 6068 as the test reads it: UTF-8, every byte but the unreserved ones percent-encoded. */
function strictEncode(s) {
  return [...new TextEncoder().encode(s)]
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

async function showExample(page) {
  await page.locator('#try-example').click();
  await page.locator('#reader article h1').waitFor();
}

test('a copied link opens the same clean copy for someone else, without the sender\'s settings', async () => {
  const sender = await openApp(env);
  await sender.locator('#settings summary').click();
  await sender.locator('#theme').selectOption('dark');
  await showExample(sender);
  await sender.locator('#copy-link').click();
  await sender.locator('#notice').filter({ hasText: 'Link copied' }).waitFor();
  const link = await sender.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${env.url}#cc2.`), link);
  // Only characters a fragment holds as they are, and a letter or digit last.
  assert.match(link.slice(link.indexOf('#') + 1), /^cc2\.[A-Za-z0-9\-._~!$&*+,;=:@/?]+[A-Za-z0-9]$/);

  const friendContext = await env.browser.newContext();
  const friend = await friendContext.newPage();
  friend.errors = [];
  friend.on('pageerror', (err) => friend.errors.push(String(err)));
  await friend.goto(link);
  await friend.locator('#reader article h1').waitFor();
  assert.deepEqual(await articleBlocks(friend), await articleBlocks(sender));
  assert.equal(await friend.locator('#reader article').innerHTML(), await sender.locator('#reader article').innerHTML());
  assert.equal(await friend.evaluate(() => document.documentElement.dataset.theme), 'system');
  assert.deepEqual(friend.errors, []);
  await friendContext.close();
  await sender.context().close();
});

test('the e-mail link is encoded as RFC 6068 asks, link included when it fits', async () => {
  const page = await openApp(env);
  await paste(page, { 'text/html': trickyPage(), 'text/plain': 'x' });
  await page.locator('#reader article h1').waitFor();
  // The e-mail link is made once the article is on screen.
  await page.evaluate(() => window.cleanCopyApp.settled());
  const href = await page.locator('#email').getAttribute('href');
  const link = await page.evaluate(() => window.cleanCopyApp.shareLink());
  const body = [
    `I thought you would like to read “${TRICKY_TITLE}”.`,
    'The original: https://news.example/ferry?id=7&from=home',
    `A clean copy to read and print: ${link}`,
  ].join('\r\n\r\n');
  assert.equal(href, `mailto:?subject=${strictEncode(TRICKY_TITLE)}&body=${strictEncode(body)}`);
  assert.ok(href.startsWith('mailto:?subject=Caf%C3%A9s%20%26%20bars%3A%20%231%3F%20%F0%9F%8D%B7%20Ferry%20saved&body='), href);
  assert.ok(href.length < 2000);
  assert.equal(await page.locator('#email').getAttribute('data-fits'), 'true');
  await page.context().close();
});

test('a long article\'s e-mail opens with its title, and its link rides the clipboard as a rich link', async () => {
  const page = await openApp(env);
  const long = longArticle();
  await paste(page, { 'text/html': long.html, 'text/plain': 'x' });
  await page.locator('#reader article h1').waitFor();
  await page.evaluate(() => window.cleanCopyApp.settled());
  assert.equal(await page.locator('#email').getAttribute('data-fits'), 'false');
  const href = await page.locator('#email').getAttribute('href');
  const link = await page.evaluate(() => window.cleanCopyApp.shareLink());
  assert.ok(link.length > 8000, `${link.length}`);
  assert.ok(href.length < 2000 && !href.includes('#cc'), href);
  assert.match(href, /^mailto:\?subject=A%20long%20letter[^&]*&body=I%20thought%20you%20would%20like.*A%20clean%20copy%20to%20read%20and%20print%3A%0D%0A$/);
  // Keep the test's browser from handing mailto: to a mail program.
  await page.evaluate(() => document.addEventListener('click', (e) => { if (e.target.id === 'email') e.preventDefault(); }, true));
  await page.locator('#email').click();
  await page.locator('#notice').filter({ hasText: 'The link is on your clipboard' }).waitFor();
  const note = await page.locator('#notice').innerText();
  assert.match(note, new RegExp(`too long to go in by itself \\(${link.length.toLocaleString('en')} characters`));
  assert.match(note, /Your friend gets the title, linked to this clean copy, with the link under it/);
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text() };
  });
  const [, anchorHref, anchorText] = copied.html.match(/<a href="([^"]*)">([^<]*)<\/a>/);
  const unescape = (s) => s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  const anchor = { href: unescape(anchorHref), text: unescape(anchorText) };
  assert.deepEqual(anchor, { href: link, text: long.title });
  assert.equal(copied.text, `${long.title}\n${link}\n`);
  // The other way that always works: the whole article as rich text on the clipboard.
  await page.locator('#copy-article').click();
  await page.locator('#notice').filter({ hasText: 'Article copied' }).waitFor();
  await page.context().close();
});

test('a short article\'s e-mail says the link goes in the message itself', async () => {
  const page = await openApp(env);
  await paste(page, { 'text/html': trickyPage(), 'text/plain': 'x' });
  await page.locator('#reader article h1').waitFor();
  await page.evaluate(() => window.cleanCopyApp.settled());
  await page.evaluate(() => document.addEventListener('click', (e) => { if (e.target.id === 'email') e.preventDefault(); }, true));
  await page.locator('#email').click();
  const note = await page.locator('#notice').innerText();
  assert.match(note, /it holds the link to this clean copy \([\d,]+ characters\), and the address of the original/);
  await page.context().close();
});

test('Share… and Send as a file… are offered only where the browser shares them', async () => {
  // Headless Chromium on Linux has no share sheet: neither is offered.
  const plain = await openApp(env);
  const sheet = await plain.evaluate(() => ({ share: typeof navigator.share, canShare: typeof navigator.canShare }));
  await showExample(plain);
  const offered = async (p) => ({ share: await p.locator('#share').isVisible(), file: await p.locator('#share-file').isVisible() });
  if (sheet.share !== 'function') assert.deepEqual(await offered(plain), { share: false, file: false });
  await plain.context().close();

  // A browser whose share sheet takes links and files (as on a phone), recorded in place of the
  // system's sheet, which a test cannot drive.
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(navigator, 'canShare', { value: (data) => Boolean(data && (data.url || data.files?.every((f) => f.type === 'text/html'))), configurable: true });
    Object.defineProperty(navigator, 'share', {
      value: async (data) => {
        const files = await Promise.all((data.files ?? []).map(async (f) => ({ name: f.name, type: f.type, text: await f.text() })));
        window.__shared.push({ title: data.title, text: data.text, url: data.url, files });
      },
      configurable: true,
    });
  });
  const page = await openApp(env, { context });
  await paste(page, { 'text/html': trickyPage(), 'text/plain': 'x' });
  await page.locator('#reader article h1').waitFor();
  assert.deepEqual(await offered(page), { share: true, file: true });
  await page.locator('#share-file').click();
  await page.locator('#notice').filter({ hasText: 'Shared the clean copy as a page' }).waitFor();
  await page.locator('#share').click();
  const shared = await page.waitForFunction(() => window.__shared.length === 2 && window.__shared).then((h) => h.jsonValue());
  const [file, link] = shared;
  assert.equal(file.files.length, 1);
  assert.equal(file.files[0].name, 'cafés-bars-1-ferry-saved.html');
  assert.equal(file.files[0].type, 'text/html');
  // The page "Save page" writes: self-contained, the whole article.
  assert.match(file.files[0].text, /^<!DOCTYPE html>/i);
  assert.ok(file.files[0].text.includes('Fishermen, teachers and nurses'));
  assert.ok(!/<script|<link /i.test(file.files[0].text), 'nothing fetched or run');
  assert.match(file.text, /The clean copy is attached as a page/);
  assert.equal(link.url, await page.evaluate(() => window.cleanCopyApp.shareLink()));
  await context.close();
});

test('the article saves as a page that opens offline, as Markdown and as text', async () => {
  const page = await openApp(env);
  await paste(page, { 'text/html': trickyPage(), 'text/plain': 'x' });
  await page.locator('#reader article h1').waitFor();
  const save = async (id) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
    return { name: download.suggestedFilename(), path: await download.path() };
  };
  const html = await save('#save-html');
  assert.equal(html.name, 'cafés-bars-1-ferry-saved.html');
  const saved = readFileSync(html.path, 'utf8');
  assert.match(saved, /^<!doctype html>/);
  assert.match(saved, /<style>/);
  assert.ok(!/<script|<link /i.test(saved), 'no scripts and no outside style sheets');
  const md = await save('#save-md');
  assert.equal(md.name, 'cafés-bars-1-ferry-saved.md');
  const markdown = readFileSync(md.path, 'utf8');
  assert.ok(markdown.startsWith(`# ${TRICKY_TITLE.replace('#', '\\#')}`) || markdown.startsWith(`# ${TRICKY_TITLE}`), markdown.slice(0, 80));
  assert.match(markdown, /The ferry between the two islands/);
  const txt = await save('#save-txt');
  assert.equal(txt.name, 'cafés-bars-1-ferry-saved.txt');
  const text = readFileSync(txt.path, 'utf8');
  assert.ok(text.startsWith(TRICKY_TITLE), text.slice(0, 80));
  assert.match(text, /Fishermen, teachers and nurses/);

  // The saved page, opened from disk, shows the article styled, and asks the app for nothing.
  const viewer = await env.browser.newPage();
  const requests = [];
  viewer.on('request', (r) => requests.push(r.url()));
  const dir = mkdtempSync(join(tmpdir(), 'cleancopy-saved-'));
  const file = join(dir, html.name);
  copyFileSync(html.path, file);
  await viewer.goto(pathToFileURL(file).href);
  assert.equal(fold(await viewer.locator('article h1').innerText()), TRICKY_TITLE);
  const serif = await viewer.locator('article').evaluate((a) => getComputedStyle(a).fontFamily);
  assert.match(serif, /Charter|Georgia|serif/);
  assert.deepEqual(requests.filter((u) => u.startsWith(env.url)), []);
  await viewer.close();
  await page.context().close();
});

test('a reload keeps the article, and recent articles can be reopened and deleted', async () => {
  const page = await openApp(env);
  await showExample(page);
  const first = await page.locator('#reader article h1').innerText();
  await paste(page, { 'text/html': trickyPage(), 'text/plain': 'x' });
  await page.locator('#reader article h1', { hasText: 'Ferry saved' }).waitFor();
  await page.reload();
  await page.locator('#reader article h1', { hasText: 'Ferry saved' }).waitFor();

  await page.locator('#show-recent').click();
  const items = page.locator('#recent-list li');
  assert.equal(await items.count(), 2);
  await items.nth(1).getByRole('button', { name: first, exact: true }).click();
  await page.locator('#reader article h1', { hasText: first }).waitFor();
  await page.locator('#show-recent').click();
  await page.getByRole('button', { name: `Delete “${first}” from recent articles` }).click();
  assert.equal(await page.locator('#recent-list li').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('after one visit the app loads and works with the server gone', async () => {
  const server = await startServer({ root: join(projectDir, 'www'), port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await showExample(page);
  // The server stops: everything now has to come from the worker's cache.
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await context.setOffline(true);
  await page.reload();
  await page.locator('#reader article h1').waitFor();
  await paste(page, { 'text/html': trickyPage(), 'text/plain': 'x' });
  await page.locator('#reader article h1', { hasText: 'Ferry saved' }).waitFor();
  // A first-version link needs its own module, which the worker kept too.
  await page.evaluate((f) => { location.hash = f; }, FIRST_VERSION_LINK);
  await page.locator('#reader article h1', { hasText: 'A link from the first version' }).waitFor();
  await context.close();
});

test('a link made by the first version opens the same article, its reader loaded only for it', async () => {
  const context = await env.browser.newContext();
  const asked = [];
  context.on('request', (req) => { if (!req.serviceWorker()) asked.push(new URL(req.url()).pathname); });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(env.url);
  await page.waitForFunction(() => window.cleanCopyApp?.ready);
  await page.evaluate(() => window.cleanCopyApp.started);
  await showExample(page);
  assert.ok(!asked.includes('/pkg/cleancopy_legacy_bg.wasm'), `asked for: ${asked.join(', ')}`);
  await page.evaluate((f) => { location.hash = f; }, FIRST_VERSION_LINK);
  await page.locator('#reader article h1', { hasText: 'A link from the first version' }).waitFor();
  assert.ok(asked.includes('/pkg/cleancopy_legacy_bg.wasm'), `asked for: ${asked.join(', ')}`);
  assert.equal(await page.locator('#reader .byline').innerText().catch(() => ''), 'By Ann Example');
  assert.deepEqual(await page.locator('#reader article h2').allInnerTexts(), ['What it keeps']);
  assert.equal(await page.locator('#reader article li a[href="https://example.org/more"]').innerText(), 'links');
  // Opened as any link is: its current-form link is what the app now shares.
  const link = await page.evaluate(() => window.cleanCopyApp.shareLink());
  assert.match(link, /#cc2\./);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('links cut short, changed by hand or from elsewhere give a message, never a crash', async () => {
  const page = await openApp(env);
  await showExample(page);
  const good = await page.evaluate(() => window.cleanCopyApp.shareLink());
  const fragment = good.slice(good.indexOf('#') + 1);
  const cases = {
    truncated: `#${fragment.slice(0, Math.floor(fragment.length / 2))}`,
    'one character changed': `#${fragment.slice(0, 40)}${fragment[40] === 'A' ? 'B' : 'A'}${fragment.slice(41)}`,
    garbage: '#cc2.%3Cscript%3Ealert(1)%3C/script%3E',
    'first version, garbage': '#cc1.<img src=x onerror=alert(1)>',
    future: '#cc7.AAAA',
    empty: '#cc2.',
  };
  for (const [name, hash] of Object.entries(cases)) {
    const other = await env.browser.newPage();
    other.errors = [];
    other.on('pageerror', (err) => other.errors.push(String(err)));
    other.on('dialog', (d) => { other.errors.push(`dialog: ${d.message()}`); d.dismiss(); });
    await other.goto(env.url + hash);
    await other.locator('#error').waitFor({ state: 'visible' });
    assert.match(await other.locator('#error').innerText(), /This link cannot be opened: .*(damaged|another version)/, name);
    assert.equal(await other.locator('#reader article').count(), 0, name);
    assert.deepEqual(other.errors, [], name);
    await other.close();
  }
  await page.context().close();
});
