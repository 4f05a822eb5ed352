// Shared set-up for the browser tests: the real page served from www/, real headless Chromium.
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';
import { SPEECH_ARGS, startSpeech } from './speech.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const projectDir = join(here, '..', '..');
export const sharedDir = process.env.CLEANCOPY_SHARED ?? join(projectDir, '..', 'shared');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Reads a file under ../shared. */
export function readShared(rel) {
  return readFileSync(join(sharedDir, rel), 'utf8');
}

/** Collapses runs of white space, as expectations are compared. */
export const fold = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Starts the server and the browser once per test file; `env.url`, `env.browser` are set
 * before the tests run. `speech`: the browser speaks, with real voices (speech.mjs).
 */
export function useBrowser({ speech = false } = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer({ root: join(projectDir, 'www'), port: 0 });
    env.url = `http://127.0.0.1:${env.server.address().port}/`;
    env.speech = speech ? await startSpeech() : null;
    env.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: speech ? [...CHROMIUM_ARGS, ...SPEECH_ARGS] : CHROMIUM_ARGS,
      env: speech ? { ...process.env, ...env.speech.env } : undefined,
    });
  });
  after(async () => {
    await env.browser?.close();
    await env.speech?.stop();
    await new Promise((ok) => (env.server ? env.server.close(ok) : ok()));
  });
  return env;
}

/** A fresh page (own storage) with the app loaded and its wasm ready; errors collected. */
export async function openApp(env, { context } = {}) {
  const ctx = context ?? await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  await page.goto(env.url);
  await page.waitForFunction(() => window.cleanCopyApp?.ready);
  await page.evaluate(() => window.cleanCopyApp.ready);
  await page.evaluate(() => window.cleanCopyApp.started);
  return page;
}

/**
 * Pastes as a reader does: puts the flavours on the system clipboard, then presses Ctrl+V
 * on the page (a real paste event, dispatched by the browser).
 */
export async function paste(page, flavours, { via } = {}) {
  // `via`: another page (in the same context) that puts the flavours on the clipboard, as the
  // site the reader copied from would. Chromium parses text/html as it is written, in the
  // writing page: hostile markup must not be parsed under the app's page.
  const writer = via ?? page;
  if (via) await via.bringToFront();
  await writer.evaluate(async (items) => {
    const parts = {};
    for (const [type, text] of Object.entries(items)) parts[type] = new Blob([text], { type });
    await navigator.clipboard.write([new ClipboardItem(parts)]);
  }, flavours);
  if (via) await page.bringToFront();
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('Control+V');
}

/** The clean copy's text, block by block. */
export async function articleBlocks(page) {
  return page.locator('#reader article').evaluate((a) =>
    [...a.querySelectorAll('h1, h2, h3, p, li, figcaption, pre, td, th')].map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
}
