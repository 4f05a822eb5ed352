// The app as a reader uses it: open the page, paste the example page, read it larger, print it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleBlocks, fold, openApp, paste, readShared, useBrowser } from './helpers.mjs';
import { examplePage } from './example-page.mjs';

const env = useBrowser();
const expected = JSON.parse(readShared('examples/news-page-copied-as-text.expected.json'));
const CHROME_WORDS = ['Skip to main content', 'Decrease font', 'Enlarge font', 'E-mail to a friend', 'Story Highlights', 'Next Article'];

async function fontSize(page) {
  return page.locator('#reader article').evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
}

test('before any paste the page says what it does and how to paste', async () => {
  const page = await openApp(env);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Paste an article, get a clean copy' }).waitFor());
  assert.match(await page.locator('#intro').innerText(), /paste it anywhere on this page/i);
  assert.match(await page.locator('#status').innerText(), /Ready/);
  assert.equal(await page.locator('article').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('pasting the example as text/plain shows the clean copy', async () => {
  const page = await openApp(env);
  const { text } = examplePage();
  await paste(page, { 'text/plain': text });
  await page.locator('#reader article h1').waitFor();
  assert.equal(await page.locator('article').count(), 1, 'the clean copy is the one <article>');
  assert.equal(fold(await page.locator('article h1').innerText()), expected.title);
  const points = await page.locator('article .summary li').allInnerTexts();
  assert.deepEqual(points.map(fold), expected.summary_points);
  const articleText = await page.locator('article').innerText();
  for (const chrome of CHROME_WORDS) assert.ok(!articleText.includes(chrome), `"${chrome}" is in the article`);
  assert.ok(fold(articleText).includes(expected.body_starts_with));
  assert.match(await page.title(), new RegExp(expected.title));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the same page pasted as text/html gives the same clean copy', async () => {
  const { text, html } = examplePage();
  const fromText = await openApp(env);
  await paste(fromText, { 'text/plain': text });
  await fromText.locator('#reader article h1').waitFor();
  const fromHtml = await openApp(env);
  await paste(fromHtml, { 'text/html': html, 'text/plain': text });
  await fromHtml.locator('#reader article h1').waitFor();
  const a = await articleBlocks(fromText);
  const b = await articleBlocks(fromHtml);
  assert.deepEqual(b, a);
  assert.ok(b.length >= 1 + 4 + 11 + 1, `title, 4 points, 11 paragraphs and copyright: ${b.length}`);
  await fromText.context().close();
  await fromHtml.context().close();
});

test('Larger text enlarges the article, by button and by key, and is remembered', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.locator('#reader article h1').waitFor();
  const before = await fontSize(page);
  await page.getByRole('button', { name: 'Larger text' }).click();
  const larger = await fontSize(page);
  assert.ok(larger > before, `${larger} > ${before}`);
  await page.keyboard.press('+');
  const byKey = await fontSize(page);
  assert.ok(byKey > larger, `key + : ${byKey} > ${larger}`);
  await page.keyboard.press('-');
  assert.equal(await fontSize(page), larger);
  await page.getByRole('button', { name: 'Smaller text' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await fontSize(page), before, 'Smaller text works from the keyboard');
  await page.getByRole('button', { name: 'Larger text' }).click();

  await page.reload();
  await page.evaluate(() => window.cleanCopyApp.ready);
  // The article on show before the reload comes back by itself.
  await page.evaluate(() => window.cleanCopyApp.started);
  await page.locator('#reader article h1').waitFor();
  assert.equal(await fontSize(page), larger, 'the size survives a reload');
  await page.context().close();
});

test('printing shows only the article; the PDF holds the title and the first paragraph', async () => {
  const page = await openApp(env);
  // Whatever the theme on screen, paper is black on white.
  await page.locator('summary', { hasText: 'Reading settings' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await paste(page, { 'text/plain': examplePage().text });
  await page.locator('#reader article h1').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const name of ['Larger text', 'Smaller text', 'Print', 'Try an example', 'Open a file…']) {
    assert.equal(await page.getByRole('button', { name }).isVisible(), false, `${name} is hidden in print`);
  }
  assert.equal(await page.locator('#reader article').isVisible(), true);
  const colors = await page.locator('#reader article p').first().evaluate((p) => [getComputedStyle(p).color, getComputedStyle(document.body).backgroundColor]);
  assert.deepEqual(colors, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);

  const dir = mkdtempSync(join(tmpdir(), 'cleancopy-print-'));
  const pdf = join(dir, 'example.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const printed = fold(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
  assert.ok(printed.includes(expected.title), 'title on paper');
  assert.ok(printed.includes(`Source: ${expected.source}`), 'the source line on paper');
  assert.ok(printed.includes(fold(expected.body_starts_with).slice(0, 60)), `first paragraph on paper:\n${printed.slice(0, 600)}`);
  for (const label of ['Larger text', 'Smaller text', 'Try an example', 'Reading settings']) assert.ok(!printed.includes(label), `${label} printed`);
  assert.match(printed, /\b1 ?\/ ?\d+\b/, 'page numbers are printed');
  await page.context().close();
});

test('Try an example shows a sample article with its summary and copyright', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.locator('#reader article h1').waitFor();
  assert.equal(await page.locator('article h1').innerText(), 'Island library lends seeds as well as books');
  assert.equal(await page.locator('article .summary li').count(), 4);
  assert.match(await page.locator('article .copyright').innerText(), /All rights reserved\.$/);
  const text = await page.locator('article').innerText();
  for (const chrome of ['Skip to content', 'Sign in', 'Share this story', 'Smaller text']) assert.ok(!text.includes(chrome), chrome);
  await page.context().close();
});

test('an unreadable file shows an error in the page and keeps what was given', async () => {
  const page = await openApp(env);
  await page.locator('#file-input').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]) });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /binary data/);
  assert.equal(await page.locator('#kept-input').isVisible(), true);
  assert.ok((await page.evaluate(() => window.cleanCopyApp.keptInput())).includes('PNG'));
  await page.context().close();
});

test('a file of bytes that only a single-byte encoding could read is refused as binary data too', async () => {
  const page = await openApp(env);
  await page.locator('#file-input').setInputFiles({ name: 'noise.txt', mimeType: 'text/plain', buffer: Buffer.alloc(100, 0xff) });
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /binary data/);
  await page.context().close();
});

test('a dropped Markdown file keeps its headings, lists and code; Markdown is read by a module loaded only then', async () => {
  const page = await openApp(env);
  const asked = [];
  page.on('request', (req) => { if (!req.serviceWorker()) asked.push(new URL(req.url()).pathname); });
  await paste(page, { 'text/plain': 'A plain note about the harbour.\n\nThe ferry runs through the winter, the council said on Monday, after a long campaign by the islanders.' });
  await page.locator('#reader article').waitFor();
  assert.ok(!asked.includes('/pkg/cleancopy_markdown_bg.wasm'), `asked for: ${asked.join(', ')}`);
  const md = '# Field notes\n\nA short *note* with a [link](https://example.org/).\n\n## Steps\n\n- one\n- two\n\n```\nlet x = 1;\n    indented();\n```\n';
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'notes.md', { type: 'text/markdown' }));
    return dt;
  }, md);
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await page.locator('#reader article h1', { hasText: 'Field notes' }).waitFor();
  assert.equal(await page.locator('article h1').innerText(), 'Field notes');
  assert.equal(await page.locator('article h2').innerText(), 'Steps');
  assert.equal(await page.locator('article ul:not(.summary) li').count(), 2);
  assert.equal(await page.locator('article pre').innerText(), 'let x = 1;\n    indented();');
  assert.equal(await page.locator('article a[href="https://example.org/"]').getAttribute('rel'), 'noopener noreferrer');
  assert.equal(asked.filter((p) => p === '/pkg/cleancopy_markdown_bg.wasm').length, 1);
  // Markdown pasted as text is found to be Markdown and read as such, by the module now loaded.
  await paste(page, { 'text/plain': '# Pasted notes\n\nSome **bold** words and a [link](https://example.org/next).\n\n1. first\n2. second\n\n> quoted\n' });
  await page.locator('#reader article h1', { hasText: 'Pasted notes' }).waitFor();
  assert.equal(await page.locator('article > ol li').count(), 2);
  assert.equal(await page.locator('article blockquote').innerText(), 'quoted');
  assert.equal(asked.filter((p) => p === '/pkg/cleancopy_markdown_bg.wasm').length, 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('each reading setting changes the article and survives a reload; reset brings the defaults back', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.locator('#reader article h1').waitFor();
  const style = () => page.locator('#reader article').evaluate((a) => {
    const s = getComputedStyle(a);
    const p = getComputedStyle(a.querySelector('p:not(.byline)'));
    return {
      font: s.fontFamily, width: s.maxWidth, leading: s.lineHeight, letters: s.letterSpacing, words: s.wordSpacing,
      align: p.textAlign, hyphens: p.hyphens, bg: getComputedStyle(document.documentElement).backgroundColor,
    };
  });
  const before = await style();
  await page.locator('summary', { hasText: 'Reading settings' }).click();
  await page.getByLabel('Font').selectOption('sans');
  await page.getByLabel('Line width').selectOption('wide');
  await page.getByLabel('Line spacing').selectOption('loose');
  await page.getByLabel('Letter spacing').selectOption('wide');
  await page.getByLabel('Word spacing').selectOption('wider');
  await page.getByLabel('Alignment').selectOption('justify');
  await page.getByLabel('Theme').selectOption('sepia');
  const after = await style();
  for (const key of Object.keys(before)) assert.notEqual(after[key], before[key], `${key} changed`);
  assert.equal(after.align, 'justify');
  assert.equal(after.hyphens, 'auto');
  assert.match(after.font, /sans-serif/);

  await page.reload();
  await page.evaluate(() => window.cleanCopyApp.ready);
  // The article on show comes back by itself after the reload.
  await page.evaluate(() => window.cleanCopyApp.started);
  await page.locator('#reader article h1').waitFor();
  assert.deepEqual(await style(), after, 'the settings survive a reload');
  assert.equal(await page.getByLabel('Theme').inputValue(), 'sepia');

  await page.locator('summary', { hasText: 'Reading settings' }).click();
  await page.getByRole('button', { name: 'Reset reading settings' }).click();
  assert.deepEqual(await style(), before, 'reset brings the defaults back');
  await page.context().close();
});

test('the dark and high-contrast themes invert the page', async () => {
  const page = await openApp(env);
  await page.locator('summary', { hasText: 'Reading settings' }).click();
  for (const [theme, bg] of [['dark', 'rgb(23, 24, 26)'], ['contrast', 'rgb(0, 0, 0)'], ['light', 'rgb(253, 253, 251)']]) {
    await page.getByLabel('Theme').selectOption(theme);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), bg, theme);
  }
  await page.context().close();
});

test('one switch hides every image, on screen and on paper', async () => {
  const page = await openApp(env);
  const md = '# Pictures\n\nA paragraph before the picture, long enough to read as text.\n\n![A quay](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)\n\nA paragraph after it.\n';
  await paste(page, { 'text/plain': md });
  await page.locator('#reader article img').waitFor();
  assert.equal(await page.locator('#reader article img').isVisible(), true);
  await page.locator('summary', { hasText: 'Reading settings' }).click();
  await page.getByLabel('Images').selectOption('hidden');
  assert.equal(await page.locator('#reader article img').isVisible(), false);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#reader article img').isVisible(), false);
  await page.context().close();
});

test('a block clicked away is gone from screen and paper, and Undo brings it back', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.locator('#reader article h1').waitFor();
  const block = page.locator('#reader article p', { hasText: 'A drawer of the old card catalogue' });
  await page.getByRole('button', { name: 'Remove blocks' }).click();
  assert.equal(await page.getByRole('button', { name: 'Remove blocks' }).getAttribute('aria-pressed'), 'true');
  await block.click();
  assert.equal(await block.isVisible(), false);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await block.isVisible(), false, 'not printed either');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Undo removal' }).click();
  assert.equal(await block.isVisible(), true);
  // By keyboard: focus the next paragraph and press Delete.
  const next = page.locator('#reader article p', { hasText: 'Librarian Morag Tulloch' });
  await next.focus();
  await page.keyboard.press('Delete');
  assert.equal(await next.isVisible(), false);
  // The focus moves on to the next block, not back to the top of the page.
  const focused = await page.evaluate(() => ({ tag: document.activeElement.tagName, inArticle: !!document.activeElement.closest('#reader article'), hidden: document.activeElement.hidden }));
  assert.deepEqual(focused, { tag: 'P', inArticle: true, hidden: false });
  // Ctrl+Z undoes; Escape leaves the mode, and the status line stops asking for clicks.
  await page.keyboard.press('Control+z');
  assert.equal(await next.isVisible(), true);
  await page.keyboard.press('Delete');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('button', { name: 'Remove blocks' }).getAttribute('aria-pressed'), 'false');
  const said = await page.locator('#status').textContent();
  assert.ok(!said.includes('Click a block'), said);
  assert.match(said, /1 block removed/);
  await page.context().close();
});

test('a right-to-left article reads right to left', async () => {
  const page = await openApp(env);
  const he = 'החדשות של היום\n\nהעירייה החליטה אתמול לבנות גשר חדש מעל הנהר, אחרי שנים של ויכוחים בין התושבים לבין הממשלה.\n\nהעבודות יתחילו באביב הבא ויימשכו שנתיים, כך אמרו הפקידים בישיבה.';
  await paste(page, { 'text/plain': he });
  await page.locator('#reader article h1').waitFor();
  assert.equal(await page.locator('#reader article').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('#reader article').getAttribute('lang'), 'he');
  assert.equal(await page.locator('#reader article p').first().evaluate((p) => getComputedStyle(p).direction), 'rtl');
  await page.context().close();
});

test('on a 360 px phone nothing widens the page: wide tables and code scroll in their box', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await openApp(env, { context });
  const wide = 'x'.repeat(400);
  const md = `# Wide things\n\nA paragraph of ordinary text that wraps as it should on a small screen.\n\n| ${Array.from({ length: 12 }, (_, i) => `Column ${i}`).join(' | ')} |\n|${' --- |'.repeat(12)}\n| ${Array.from({ length: 12 }, () => 'value').join(' | ')} |\n\n\`\`\`\n${wide}\n\`\`\`\n`;
  await paste(page, { 'text/plain': md });
  await page.locator('#reader article table').waitFor();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
    table: getComputedStyle(document.querySelector('article table')).overflowX,
    pre: getComputedStyle(document.querySelector('article pre')).overflowX,
  }));
  assert.ok(widths.page <= widths.view, `page ${widths.page} px wide in a ${widths.view} px view`);
  assert.equal(widths.table, 'auto');
  assert.equal(widths.pre, 'auto');
  await context.close();
});

test('on paper, links are numbered and their targets listed after the story', async () => {
  const page = await openApp(env);
  const md = '# Notes test\n\nThe council published [its report](https://council.example/report) and [the minutes](https://council.example/minutes) on Monday, and the report was discussed again on Tuesday.\n\nA second paragraph cites [the report](https://council.example/report) once more.\n';
  await paste(page, { 'text/plain': md });
  await page.locator('#reader article h1').waitFor();
  assert.equal(await page.locator('#reader .notes').isVisible(), false, 'no notes on screen');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#reader .notes').isVisible(), true);
  const dir = mkdtempSync(join(tmpdir(), 'cleancopy-print-'));
  const pdf = join(dir, 'notes.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const printed = fold(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
  assert.match(printed, /its report\s*\[1\]/);
  assert.match(printed, /the minutes\s*\[2\]/);
  assert.match(printed, /Links 1\. https:\/\/council\.example\/report 2\. https:\/\/council\.example\/minutes/);
  await page.context().close();
});

test('forced-colors mode wins over the chosen theme', async () => {
  const page = await openApp(env);
  await page.locator('summary', { hasText: 'Reading settings' }).click();
  await page.getByLabel('Theme').selectOption('sepia');
  const sepia = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  const forced = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'Canvas';
    document.body.append(probe);
    const canvas = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return { page: getComputedStyle(document.documentElement).backgroundColor, canvas };
  });
  assert.notEqual(forced.page, sepia);
  assert.equal(forced.page, forced.canvas, 'the page takes the system canvas colour');
  await page.context().close();
});
