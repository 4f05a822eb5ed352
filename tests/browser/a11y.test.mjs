// Accessibility: axe-core over the page with an article shown, in every theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openApp, paste, useBrowser } from './helpers.mjs';

const env = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

for (const theme of ['light', 'sepia', 'dark', 'contrast']) {
  test(`axe-core finds nothing with an article shown in the ${theme} theme`, async () => {
    // axe is injected as a script, which the page's own CSP would (rightly) refuse.
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await openApp(env, { context });
    await page.getByRole('button', { name: 'Try an example' }).click();
    await page.locator('#reader article h1').waitFor();
    await page.locator('summary', { hasText: 'Reading settings' }).click();
    await page.getByLabel('Theme').selectOption(theme);
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
}

test('axe-core finds nothing with line focus on and with the reader\'s own colours', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await openApp(env, { context });
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.locator('#reader article h1').waitFor();
  await page.locator('summary', { hasText: 'Reading settings' }).click();
  await page.getByLabel('Line focus').selectOption('3');
  await page.getByLabel('Theme').selectOption('custom');
  // A readable choice of the reader's: dark green text, a pale background, dark red links.
  await page.evaluate(() => {
    for (const [id, value] of [['colour-text', '#1a2a1a'], ['colour-background', '#f0f7e8'], ['colour-link', '#8a1c1c']]) {
      const input = document.getElementById(id);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await page.addScriptTag({ path: axePath });
  for (const state of ['settings open', 'settings closed']) {
    if (state === 'settings closed') await page.locator('summary', { hasText: 'Reading settings' }).click();
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    assert.deepEqual(violations, [], state);
  }
  assert.equal(await page.locator('.line-focus-shade').first().isVisible(), true, 'line focus is on');
  await context.close();
});

test('axe-core finds nothing with the web-address message shown', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await openApp(env, { context });
  await paste(page, { 'text/plain': 'https://news.example/2024/05/bridge-approved.html' });
  await page.locator('#address').waitFor();
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(violations, []);
  await context.close();
});

test('the axe check does see a problem when there is one (control)', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await openApp(env, { context });
  await page.evaluate(() => document.querySelector('main').append(document.createElement('button')));
  await page.addScriptTag({ path: axePath });
  const ids = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => v.id));
  assert.ok(ids.includes('button-name'), `axe reported ${ids}`);
  await context.close();
});
