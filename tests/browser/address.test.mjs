// A pasted web address, or a link alone, gets a message instead of an article: Clean Copy does
// not fetch pages, and says how to bring the page instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, paste, useBrowser } from './helpers.mjs';

const env = useBrowser();

test('a pasted web address gets the reason and the three ways to bring the page, not an article', async () => {
  const page = await openApp(env);
  await paste(page, { 'text/plain': 'https://news.example/2024/05/bridge-approved.html' });
  const help = page.getByRole('alert');
  await help.waitFor();
  const text = await help.innerText();
  assert.match(text, /does not fetch pages/);
  assert.match(text, /Send to Clean Copy/);
  assert.match(text, /select all/);
  assert.match(text, /Save the page/);
  assert.equal(await help.locator('a').getAttribute('href'), 'https://news.example/2024/05/bridge-approved.html');
  assert.equal(await page.locator('#reader article').count(), 0, 'no article is made of an address');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a pasted link alone (text/html of one <a>) gets the same message', async () => {
  const page = await openApp(env);
  await paste(page, {
    'text/html': '<a href="https://news.example/2024/05/bridge-approved.html">Bridge approved after long debate</a>',
    'text/plain': 'Bridge approved after long debate',
  });
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /That is a web address, not an article/);
  assert.equal(await page.locator('#reader article').count(), 0);
  // An article pasted next replaces the message.
  await paste(page, { 'text/plain': 'Bridge approved\n\nThe council approved the new bridge on Monday after a debate of four hours, and work starts in spring.' });
  await page.locator('#reader article h1').waitFor();
  assert.equal(await page.locator('#address').isVisible(), false);
  await page.context().close();
});
