// Big pastes, kept input, and what the app asks the network for (listening with a local voice
// included: the browser speaks, through speech.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, paste, projectDir, useBrowser } from './helpers.mjs';
import { keptFiles } from '../../tools/app-files.mjs';

const env = useBrowser({ speech: true });

test('a 20 MB paste is cleaned in a worker: the page keeps answering, and it can be cancelled', async () => {
  const page = await openApp(env);
  // Paste it: build it in the page (the clipboard takes it from there) and press Ctrl+V.
  await page.evaluate(async () => {
    const one = await (await fetch('example.txt')).text();
    let s = '';
    while (s.length < 20_000_000) s += `${one}\n\n`;
    await navigator.clipboard.writeText(s);
    return s.length;
  }).then((n) => assert.ok(n >= 20_000_000, `${n} characters`));
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('Control+V');
  await page.locator('#progress').waitFor({ state: 'visible' });
  // While it works, the page answers: frames keep coming and keys change the text size.
  const gaps = await page.evaluate(() => new Promise((resolve) => {
    const times = [];
    const frame = (t) => {
      times.push(t);
      if (times.length < 20) requestAnimationFrame(frame);
      else resolve(times.slice(1).map((x, i) => x - times[i]));
    };
    requestAnimationFrame(frame);
  }));
  assert.ok(Math.max(...gaps) < 250, `longest frame gap ${Math.max(...gaps).toFixed(0)} ms`);
  const before = await page.locator('#size-value').innerText();
  await page.keyboard.press('+');
  assert.notEqual(await page.locator('#size-value').innerText(), before, 'a key works while the paste is cleaned');
  assert.equal(await page.locator('#progress').isVisible(), true, 'still working');
  await page.locator('#cancel').click();
  await page.locator('#progress').waitFor({ state: 'hidden' });
  assert.match(await page.locator('#status').innerText(), /Cancelled/);
  assert.equal(await page.locator('#kept-input').isVisible(), true, 'what was pasted is kept');

  // The same paste, left to finish, gives the article.
  await page.keyboard.press('Control+V');
  await page.locator('#reader article h1').waitFor({ timeout: 120_000 });
  assert.match(await page.locator('#reader article p').nth(3).innerText(), /library|seed|Kerrin/i);
  // The worker's memory grew to several times the paste and a wasm memory never shrinks: the
  // worker is ended, which gives it back.
  assert.equal(await page.evaluate(() => window.cleanCopyApp.workerKept()), false, 'the grown worker is ended');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a long Markdown paste is cleaned in the worker by the Markdown module', async () => {
  const page = await openApp(env);
  const n = await page.evaluate(async () => {
    let s = '# Long notes\n\n';
    for (let i = 0; s.length < 1_200_000; i++) {
      s += `## Part ${i}\n\nThe harbour log for day ${i} says the *ferry* ran on time and [the notes](https://example.org/${i}) were filed.\n\n- tide\n- wind\n\n`;
    }
    await navigator.clipboard.writeText(s);
    return s.length;
  });
  assert.ok(n >= 1_200_000);
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('Control+V');
  await page.locator('#reader article h1', { hasText: 'Long notes' }).waitFor({ timeout: 120_000 });
  assert.ok(await page.locator('#reader article h2').count() > 1000);
  assert.equal(await page.locator('#reader article a[href="https://example.org/7"]').innerText(), 'the notes');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('what was pasted survives a reload even when it gave no article', async () => {
  const page = await openApp(env);
  // Binary-looking text: the core refuses it with a message.
  await paste(page, { 'text/plain': '\u0000\u0001\u0002 not an article \u0000\u0003' });
  await page.locator('#error').waitFor({ state: 'visible' });
  await page.reload();
  await page.evaluate(() => window.cleanCopyApp.started);
  assert.equal(await page.locator('#kept-input').isVisible(), true);
  assert.match(await page.locator('#kept-text').textContent(), /not an article/);
  await page.context().close();
});

test('the app asks the network only for its own files and the article\'s images', async () => {
  const page = await openApp(env);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const imagePage = `<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>
    <p>The ferry between the two islands will keep running through the winter, the council said on Monday.</p>
    <figure><img src="https://images.example/ferry.jpg" alt="The ferry"></figure>
    <p>Fishermen, teachers and nurses, who cross twice a day, had written letters and signed petitions.</p></article></body></html>`;
  await paste(page, { 'text/html': imagePage, 'text/plain': 'x' });
  await page.locator('#reader article h1').waitFor();
  // Read aloud by a voice on this device, to the end.
  await page.evaluate(() => {
    window.spoken = 0;
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (u) => { u.addEventListener('end', () => { window.spoken += 1; }); speak(u); };
  });
  await page.locator('#listen').click();
  await page.waitForFunction(() => window.spoken >= 3 && document.getElementById('listen').getAttribute('aria-pressed') === 'false', null, { timeout: 10_000 })
    .catch(async (err) => { throw new Error(`${err.message}: ${JSON.stringify(await page.evaluate(() => [window.spoken, document.getElementById('status').textContent, document.getElementById('notice').textContent, speechSynthesis.getVoices().length, document.querySelector('#reader article').lang]))}`); });
  assert.match(await page.locator('#status').innerText(), /Finished reading/);
  await page.locator('#copy-link').click();
  const link = await page.evaluate(() => window.cleanCopyApp.shareLink());
  await page.goto('about:blank');
  await page.goto(link);
  await page.locator('#reader article h1').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-html').click()]);
  await download.path();
  await page.waitForTimeout(300);
  const own = new URL(env.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(own) && !u.startsWith('blob:') && !u.startsWith('data:') && u !== 'about:blank');
  assert.deepEqual([...new Set(foreign)], ['https://images.example/ferry.jpg']);
  const appFiles = new Set(requests.filter((u) => u.startsWith(own)).map((u) => new URL(u).pathname));
  // The app's own files are those its service worker keeps.
  const kept = new Set(['/', '/sw.js', ...keptFiles(join(projectDir, 'www')).map((f) => `/${f}`)]);
  for (const path of appFiles) assert.ok(kept.has(path), path);
  await page.context().close();
});
