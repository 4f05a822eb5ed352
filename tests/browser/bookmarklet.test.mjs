// "Send to Clean Copy": the bookmarklet the app offers, run on a page of another origin, opens
// the app in a new window with that page as the browser has it (after its scripts ran), its
// metadata and its address. The app takes only the message it expects, from that page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, openApp, useBrowser } from './helpers.mjs';
import { HEADLINE, PATH, siteServer } from './story-site.mjs';

const env = useBrowser();
const sites = {};
before(async () => {
  sites.plain = await siteServer();
  sites.coop = await siteServer({ 'Cross-Origin-Opener-Policy': 'same-origin' });
});
after(async () => {
  for (const s of Object.values(sites)) await new Promise((ok) => { s.closeAllConnections(); s.close(ok); });
});

// The site is on "localhost", the app on 127.0.0.1: two origins.
const siteUrl = (server, query = '') => `http://localhost:${server.address().port}${PATH}${query}`;

/** The bookmarklet as the app offers it: its link's address, and the code a browser runs. */
async function offered(app) {
  const href = await app.locator('#bookmarklet').getAttribute('href');
  assert.ok(href.startsWith('javascript:'), href);
  return { href, code: decodeURIComponent(href.slice('javascript:'.length)) };
}

/** Opens the site's page in the app's browser context. */
async function openSite(app, url) {
  const site = await app.context().newPage();
  site.errors = [];
  site.on('pageerror', (err) => site.errors.push(String(err)));
  await site.goto(url);
  await site.locator('#story h1').waitFor();
  return site;
}

test('the bookmarklet, run on a page of another origin, opens the clean copy of that page', async () => {
  const app = await openApp(env);
  const { code } = await offered(app);
  assert.ok(code.includes(JSON.stringify(env.url)), 'made with the app\'s own address');
  const site = await openSite(app, siteUrl(sites.plain, '?from=home#comments'));
  const [popup] = await Promise.all([app.context().waitForEvent('page'), site.evaluate(code)]);
  popup.errors = [];
  popup.on('pageerror', (err) => popup.errors.push(String(err)));
  await popup.locator('#reader article h1').waitFor();
  assert.equal(await popup.locator('#reader article h1').innerText(), HEADLINE, 'the title from the page\'s JSON-LD');
  assert.equal(await popup.locator('#reader .byline').innerText(), 'Ann Reid');
  const origin = `http://localhost:${sites.plain.address().port}`;
  // Relative addresses resolve against the page's own address (the fragment left out).
  assert.equal(await popup.locator('#reader article a', { hasText: 'its report' }).getAttribute('href'), `${origin}/news/council/report.html`);
  assert.equal(await popup.locator('#reader article img').getAttribute('src'), `${origin}/news/2026/img/ferry.jpg`);
  assert.equal(await popup.locator('#reader .source a').getAttribute('href'), `${origin}${PATH}?from=home`);
  const text = fold(await popup.locator('#reader article').innerText());
  assert.ok(text.includes('paragraph 3.'), 'the story the page\'s script wrote');
  for (const chrome of ['Loading…', 'Home', 'Sport', 'About us']) assert.ok(!text.includes(chrome), chrome);
  assert.equal(new URL(popup.url()).hash, '', 'the window\'s address no longer says #receive');
  assert.match(await popup.title(), new RegExp(HEADLINE));

  // The share link carries the resolved addresses too.
  const link = await popup.evaluate(() => window.cleanCopyApp.shareLink());
  const friend = await env.browser.newPage();
  await friend.goto(link);
  await friend.locator('#reader article h1').waitFor();
  assert.equal(await friend.locator('#reader article a', { hasText: 'its report' }).getAttribute('href'), `${origin}/news/council/report.html`);
  assert.equal(await friend.locator('#reader .source a').getAttribute('href'), `${origin}${PATH}?from=home`);
  await friend.close();
  assert.deepEqual([...popup.errors, ...site.errors, ...app.errors], []);
  await app.context().close();
});

test('a big page goes through the worker, its links still resolved', async () => {
  const app = await openApp(env);
  const { code } = await offered(app);
  const site = await openSite(app, siteUrl(sites.plain, '?n=8000'));
  assert.ok(await site.evaluate(() => document.documentElement.outerHTML.length) > 1_000_000);
  const [popup] = await Promise.all([app.context().waitForEvent('page'), site.evaluate(code)]);
  await popup.locator('#progress').waitFor({ state: 'visible' });
  await popup.locator('#reader article h1').waitFor({ timeout: 60_000 });
  const origin = `http://localhost:${sites.plain.address().port}`;
  assert.equal(await popup.locator('#reader article a', { hasText: 'its report' }).getAttribute('href'), `${origin}/news/council/report.html`);
  assert.equal(await popup.locator('#reader .source a').getAttribute('href'), `${origin}${PATH}?n=8000`);
  assert.equal(await popup.evaluate(() => window.cleanCopyApp.workerKept()), true, 'a worker that stayed small is kept for the next');
  await app.context().close();
});

test('the app takes only the expected message, from the page that opened it', async () => {
  const app = await openApp(env);
  const site = await openSite(app, siteUrl(sites.plain));
  const appUrl = env.url;
  // The page opens the app as the bookmarklet does, then sends it what it should not take.
  const [popup] = await Promise.all([
    app.context().waitForEvent('page'),
    site.evaluate((url) => {
      window.sent = [];
      window.win = window.open(`${url}#receive`, '_blank');
      window.addEventListener('message', (event) => {
        if (event.source === window.win && event.data?.type === 'cleancopy-ready') window.ready = true;
      });
    }, appUrl),
  ]);
  await site.waitForFunction(() => window.ready);
  assert.equal(await popup.locator('#status').innerText(), 'Waiting for the page…');
  const bad = await site.evaluate(async (appOrigin) => {
    const html = document.documentElement.outerHTML;
    const good = { type: 'cleancopy-page', html, url: location.href, title: document.title };
    const cases = {
      'a string': html,
      'an array': [good.type, html, good.url, good.title],
      'null': null,
      'no title': { type: good.type, html, url: good.url },
      'an extra field': { ...good, script: 'alert(1)' },
      'another type': { ...good, type: 'cleancopy-link' },
      'html not a string': { ...good, html: [html] },
      'title not a string': { ...good, title: 7 },
      'an address of another origin': { ...good, url: 'https://bank.example/statement' },
      'an address that is not a web page': { ...good, url: 'javascript:alert(1)' },
      'a Map': new Map(Object.entries(good)),
      'a Date': new Date(),
    };
    for (const data of Object.values(cases)) window.win.postMessage(data, appOrigin);
    // From a frame of the same page: the same origin, but not the window that opened the app.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frame.contentWindow.eval(`parent.win.postMessage(${JSON.stringify(good)}, ${JSON.stringify(appOrigin)})`);
    await new Promise((ok) => setTimeout(ok, 500));
    return Object.keys(cases);
  }, new URL(appUrl).origin);
  assert.ok(bad.length >= 12);
  assert.equal(await popup.locator('#reader article').count(), 0, 'nothing taken');
  assert.equal(await popup.locator('#status').innerText(), 'Waiting for the page…');
  assert.equal(await popup.locator('#error').isVisible(), false);

  // The right message from the right window is still taken.
  await site.evaluate((appOrigin) => window.win.postMessage({
    type: 'cleancopy-page', html: document.documentElement.outerHTML, url: location.href, title: document.title,
  }, appOrigin), new URL(appUrl).origin);
  await popup.locator('#reader article h1', { hasText: HEADLINE }).waitFor();
  await app.context().close();
});

test('clicking the bookmarklet in the app itself runs nothing and says how to use it', async () => {
  const app = await openApp(env);
  const violations = [];
  await app.exposeFunction('reportViolation', (v) => violations.push(v));
  await app.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  await app.locator('#bookmarklet').click();
  await app.locator('#notice', { hasText: 'bookmarks bar' }).waitFor();
  assert.equal(app.url(), env.url, 'no navigation');
  await app.locator('#copy-bookmarklet').click();
  await app.locator('#notice', { hasText: 'Bookmarklet copied' }).waitFor();
  const copied = await app.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, (await offered(app)).href);
  assert.deepEqual(violations, []);
  assert.deepEqual(app.errors, []);
  await app.context().close();
});

test('where a site keeps its windows apart (COOP), the app says what to do instead', async () => {
  const app = await openApp(env);
  const { code } = await offered(app);
  const site = await openSite(app, siteUrl(sites.coop));
  const [popup] = await Promise.all([app.context().waitForEvent('page'), site.evaluate(code)]);
  const alert = popup.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be sent.*select all \(Ctrl\+A\), copy \(Ctrl\+C\) and paste here/i);
  assert.equal(await popup.locator('#reader article').count(), 0);
  await app.context().close();
});
