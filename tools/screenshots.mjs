// Takes the README's pictures: the reader view on screen, page 1 of the printed PDF, and the
// app on a phone (the article, and the e-mail notice of a long one).
//   node tools/screenshots.mjs   (after ./build.sh; needs chromium and pdftoppm, as the tests do)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, projectDir } from '../tests/browser/helpers.mjs';

const docs = join(projectDir, 'docs');
const server = await startServer({ root: join(projectDir, 'www'), port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 820 }, colorScheme: 'light' });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate(() => window.cleanCopyApp.ready);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.locator('#reader article h1').waitFor();
  await page.screenshot({ path: join(docs, 'reader.png') });

  const dir = mkdtempSync(join(tmpdir(), 'cleancopy-shots-'));
  const pdf = join(dir, 'print.pdf');
  await page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(docs, 'print-preview')]);

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, colorScheme: 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const small = await phone.newPage();
  await small.goto(`http://127.0.0.1:${server.address().port}/`);
  await small.evaluate(() => window.cleanCopyApp.ready);
  await small.locator('#menu-button').click();
  await small.getByRole('button', { name: 'Try an example' }).click();
  await small.locator('#reader article h1').waitFor();
  await small.screenshot({ path: join(docs, 'phone.png') });
  console.log('wrote docs/reader.png, docs/print-preview.png and docs/phone.png');
} finally {
  await browser.close();
  server.close();
}
