// Listening, with real voices, in every engine (engines.mjs): Chromium and Firefox speak through
// speech-dispatcher and espeak-ng (speech.mjs gives them a silent sound card), WebKitGTK with
// its built-in Flite voices. The mark follows the sentences read, in order; pause holds it;
// keys move it; a paragraph clicked is read from there; removed blocks are not read, code and
// tables are passed over with a word; the speed and the voice are remembered. Where there is no
// voice, the reader is told what to do.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ENGINES, launch } from './engines.mjs';
import { CHROMIUM_ARGS, projectDir } from './helpers.mjs';
import { SPEECH_ARGS, startSpeech } from './speech.mjs';
import { siteServer } from './story-site.mjs';
import { startServer } from '../../tools/serve.mjs';

const SCREENSHOTS = process.env.CLEANCOPY_SCREENSHOTS ?? join(projectDir, 'out', 'screenshots');
const only = process.env.CLEANCOPY_ENGINES?.split(',') ?? ENGINES;
const close = (server) => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); });
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

const TITLE = 'How the island reads aloud';
/** A made-up article: a byline, paragraphs of three sentences, code and a table early on. */
function article({ lang = 'en', paragraphs = 40 } = {}) {
  const para = (i) => `<p>Paragraph ${i} opens with its first sentence about the harbour. `
    + `Its second sentence tells of boats number ${i}. The third one closes paragraph ${i} for good.</p>`;
  const body = Array.from({ length: paragraphs }, (_, i) => para(i + 1));
  body.splice(3, 0, '<pre><code>let tide = high;\nsail(tide);</code></pre>', '<table><tr><th>Boat</th><th>Crew</th></tr><tr><td>Ann</td><td>4</td></tr></table>');
  return `<html lang="${lang}"><head><title>${TITLE}</title></head><body><nav><a href="/">Home</a></nav>`
    + `<article><h1>${TITLE}</h1><p class="byline">By Morag Tulloch</p>${body.join('\n')}</article><footer>About us</footer></body></html>`;
}

const FRENCH = `<html lang="fr"><head><title>La bibliothèque prête des graines</title></head><body><article>
  <h1>La bibliothèque prête des graines</h1>
  <p>La petite bibliothèque du port a commencé à prêter des graines, et la file d'attente a atteint le quai du ferry dès le premier samedi.</p>
  <p>Un tiroir de l'ancien fichier contient maintenant des sachets de graines triés selon le mois où il faut les semer.</p>
  <p>Les lecteurs rapportent à la fin de l'été une part des graines de leurs meilleures plantes, que les bénévoles testent avant de les remettre dans le tiroir.</p>
</article></body></html>`;

/** Watches what the app hands the speech engine: each utterance's text, speed and voice, the
 * text marked at that moment (and where), and the engine's own start and end events. */
function spy() {
  window.heard = [];
  window.marks = [];
  window.engineEvents = { start: 0, end: 0, error: [] };
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance) => {
    const range = [...(CSS.highlights.get('listen-sentence') ?? [])][0] ?? null;
    window.marks.push(range);
    window.heard.push({
      text: utterance.text, rate: utterance.rate, voice: utterance.voice?.name ?? null,
      marked: range?.toString().replace(/\s+/g, ' ').trim() ?? null,
    });
    utterance.addEventListener('start', () => { window.engineEvents.start += 1; });
    utterance.addEventListener('end', () => { window.engineEvents.end += 1; });
    utterance.addEventListener('error', (e) => { window.engineEvents.error.push(e.error); });
    speak(utterance);
  };
  return true;
}

const marked = () => [...(CSS.highlights.get('listen-sentence') ?? [])][0]?.toString().replace(/\s+/g, ' ').trim() ?? null;

for (const engine of ENGINES) {
  describe(`${engine}: listening`, { skip: !only.includes(engine) && `CLEANCOPY_ENGINES=${only.join(',')}` }, () => {
    const env = {};
    before(async () => {
      env.speech = await startSpeech();
      env.server = await startServer({ root: join(projectDir, 'www'), port: 0 });
      env.url = `http://127.0.0.1:${env.server.address().port}/`;
      env.siteServer = await siteServer();
      env.site = `http://127.0.0.1:${env.siteServer.address().port}/writer.html`;
      env.browser = await launch(engine, { env: env.speech.env, args: SPEECH_ARGS });
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    after(async () => {
      await env.browser?.close();
      await env.speech?.stop();
      if (env.server) await close(env.server);
      if (env.siteServer) await close(env.siteServer);
    });

    /** A fresh session with the app open, `html` pasted into it. */
    async function withArticle(html, run) {
      const session = await env.browser.session();
      try {
        const app = await session.page();
        await app.goto(env.url);
        await app.waitFor(() => window.cleanCopyApp && document.getElementById('status').textContent.startsWith('Ready'), [], { what: 'the app ready' });
        const writer = await session.page({ fresh: true });
        await writer.goto(env.site);
        await app.paste({ 'text/html': html, 'text/plain': 'x' }, { writer });
        await app.waitForSelector('#reader article h1');
        await run(app);
      } finally {
        await session.close();
      }
    }

    test(`${engine}: the mark follows the sentences read, pause holds it, keys move it, a paragraph clicked is read`, async () => {
      await withArticle(article(), async (app) => {
        // "Remove blocks" takes the first paragraph away: it is not read.
        await app.click('#edit');
        await app.click('#reader article > p:nth-of-type(1)');
        await app.click('#edit');
        assert.equal(await app.evaluate(() => document.querySelector('#reader article > p:nth-of-type(1)').hidden), true);
        assert.equal(await app.evaluate(spy), true);
        await app.waitFor(() => !document.getElementById('listen').disabled, [], { what: 'Listen ready (listen.js comes with the first article)' });
        await app.click('#listen');
        await app.waitFor(() => window.heard.length >= 6 && window.engineEvents.end >= 5, [], { what: 'five sentences read', timeout: 20_000 })
          .catch(async (err) => {
            const seen = await app.evaluate(() => ({ heard: window.heard.map((h) => h.text), events: window.engineEvents, notice: document.getElementById('notice').textContent }));
            throw new Error(`${err.message}: ${JSON.stringify(seen)}`);
          });
        await app.press('L');
        await app.waitFor(() => document.getElementById('listen-pause').textContent === 'Resume', [], { what: 'paused' });
        const run = await app.evaluate(() => ({
          heard: window.heard,
          inOrder: window.marks.slice(0, 6).every((r, i, all) => i === 0 || all[i - 1].compareBoundaryPoints(Range.START_TO_START, r) < 0),
          events: window.engineEvents,
        }));
        // Pausing cancels the utterance under way: the engine may call that an error.
        const errors = run.events.error.filter((e) => !['interrupted', 'canceled'].includes(e));
        assert.deepEqual(errors, [], `engine errors: ${errors}`);
        assert.ok(run.events.start >= 3, `the engine started ${run.events.start} utterances`);
        assert.deepEqual(run.heard.slice(0, 5).map((h) => h.text), [
          TITLE, 'By Morag Tulloch', 'Paragraph 2 opens with its first sentence about the harbour.',
          'Its second sentence tells of boats number 2.', 'The third one closes paragraph 2 for good.',
        ], 'the title, the byline, then paragraph 2 (paragraph 1 was removed), sentence by sentence');
        for (const h of run.heard) {
          if (h.text.endsWith('skipped.')) assert.match(h.marked, /^(let tide|Boat)/, 'the block passed over is marked');
          else assert.equal(h.marked, h.text.trim(), 'the sentence read is the one marked');
        }
        assert.ok(run.inOrder, 'the mark moves down the article');
        const notes = run.heard.map((h) => h.text).filter((t) => t.endsWith('skipped.'));
        if (run.heard.length > 9) assert.deepEqual(notes.slice(0, 2), ['Code block skipped.', 'Table skipped.']);

        // Paused: nothing more is read, the mark stays.
        const held = { n: await app.evaluate(() => window.heard.length), mark: await app.evaluate(marked) };
        await sleep(800);
        const still = {
          n: await app.evaluate(() => window.heard.length), mark: await app.evaluate(marked),
          where: await app.evaluate(() => document.getElementById('listen-status').textContent),
        };
        assert.equal(still.n, held.n, 'nothing is read while paused');
        assert.equal(still.mark, held.mark, 'the mark holds while paused');
        assert.equal(still.where, 'Paused.');
        await app.screenshot(join(SCREENSHOTS, `${engine}-listen-paused.png`));
        if (engine !== 'webkit') {
          // Nothing of listening on paper.
          const dir = mkdtempSync(join(tmpdir(), 'cleancopy-listen-'));
          writeFileSync(join(dir, 'p.pdf'), await app.printPdf());
          const printed = execFileSync('pdftotext', [join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
          assert.ok(printed.includes(TITLE) && !/Previous sentence|Part \d+ of|Paused/.test(printed), printed.slice(0, 300));
        }

        // Keys move the mark while paused: on a sentence, back again, on a paragraph.
        const markNow = () => app.evaluate(marked);
        await app.press('.');
        const next = await markNow();
        assert.notEqual(next, still.mark);
        await app.press(',');
        assert.equal(await markNow(), still.mark);
        await app.press('>');
        assert.match(await markNow(), /^(Paragraph \d+ opens|let tide|Boat)/, 'a paragraph on starts at its first sentence');

        // Resumed, reading goes on from the mark; a click on paragraph 30 reads from there.
        const from = await markNow();
        const before = await app.evaluate(() => window.heard.length);
        await app.press('L');
        await app.waitFor((n) => window.heard.length > n, [before], { what: 'reading resumed' });
        assert.equal(await app.evaluate((n) => window.heard[n].marked, before), from);
        // Paused first (the silent engine could otherwise reach the end before the click).
        await app.press('L');
        await app.waitFor(() => document.getElementById('listen-pause').textContent === 'Resume', [], { what: 'paused again' });
        const clickedAt = await app.evaluate(() => window.heard.length);
        // The page may still be scrolling to the mark (slowly, on a loaded machine): a click
        // while it moves lands on another paragraph, as a reader's would.
        for (let i = 0, y = null; i < 40; i += 1) {
          const now = await app.evaluate(() => window.scrollY);
          if (now === y) break;
          y = now;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        await app.click('#reader article > p:nth-of-type(30)');
        await app.waitFor((n) => window.heard.slice(n).some((h) => /paragraph 30\b|number 30\b/i.test(h.text)), [clickedAt], { what: 'paragraph 30 read', timeout: 20_000 });
        const fromClick = await app.evaluate((n) => window.heard.slice(n).map((h) => h.text), clickedAt);
        const first30 = fromClick.findIndex((t) => /paragraph 30\b|number 30\b/i.test(t));
        assert.ok(fromClick.slice(first30 + 1).every((t) => !/\b(2|3|4|5)\b/.test(t) || /3\d/.test(t)), `reading goes on from paragraph 30: ${fromClick.join(' | ')}`);

        // The mark is kept in view (paused, once the scroll is over: the silent engine reads a
        // sentence in milliseconds); Tab to a block and Enter reads from there.
        await app.press('L');
        await sleep(800);
        assert.equal(await app.evaluate(() => {
          const rect = [...CSS.highlights.get('listen-sentence')][0].getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= document.getElementById('player').getBoundingClientRect().top;
        }), true, 'the sentence read is in view');
        const entered = await app.evaluate(() => { document.querySelector('#reader article > p:nth-of-type(38)').focus(); return window.heard.length; });
        await app.press('Enter');
        await app.waitFor((n) => window.heard.slice(n).some((h) => /paragraph 38\b/.test(h.text)), [entered], { what: 'paragraph 38 read', timeout: 20_000 });

        // Stop: the marks and what listening added are gone.
        await app.press('Escape');
        const after = await app.evaluate(() => ({
          highlights: CSS.highlights.size,
          tabindex: document.querySelectorAll('#reader article [tabindex]').length,
          player: document.getElementById('player').hidden,
          pressed: document.getElementById('listen').getAttribute('aria-pressed'),
        }));
        assert.deepEqual(after, { highlights: 0, tabindex: 0, player: true, pressed: 'false' });
      });
    });

    test(`${engine}: the speed and the voice chosen are remembered after a reload`, async () => {
      await withArticle(article({ paragraphs: 3 }), async (app) => {
        await app.click('#settings summary');
        await app.selectOption('#rate', '1.5');
        await app.waitFor(() => document.getElementById('voice').options.length > 2, [], { what: 'the voices listed' });
        const voice = await app.evaluate(() => document.getElementById('voice').options[2].value);
        await app.selectOption('#voice', voice);
        await app.reload();
        await app.waitForSelector('#reader article h1');
        await app.waitFor(() => document.getElementById('voice').options.length > 2, [], { what: 'the voices listed again' });
        assert.deepEqual(await app.evaluate(() => [document.getElementById('rate').value, document.getElementById('voice').value]), ['1.5', voice]);
        assert.equal(await app.evaluate(spy), true);
        await app.waitFor(() => !document.getElementById('listen').disabled, [], { what: 'Listen ready (listen.js comes with the first article)' });
        await app.click('#listen');
        await app.waitFor(() => window.heard.length >= 1, [], { what: 'reading' });
        const first = await app.evaluate(() => window.heard[0]);
        assert.equal(first.rate, 1.5);
        assert.equal(`${first.voice}|`, voice.slice(0, voice.lastIndexOf('|') + 1));
        await app.press('Escape');
      });
    });

    if (engine === 'webkit') {
      test('webkit: an article in a language with no voice says so, and what to do', async () => {
        await withArticle(FRENCH, async (app) => {
          await app.waitFor(() => !document.getElementById('listen').disabled, [], { what: 'Listen ready (listen.js comes with the first article)' });
          await app.click('#listen');
          await app.waitForSelector('#notice', { text: 'No voice for French' });
          assert.match(await app.evaluate(() => document.getElementById('notice').textContent), /install one for French in your system’s speech settings/i);
          assert.equal(await app.evaluate(() => document.getElementById('player').hidden), true);
          assert.match(await app.evaluate(() => document.getElementById('voice-note').textContent), /No voice for French/);
        });
      });
    }
  });
}

describe('chromium without speech-dispatcher: no voice at all', { skip: !only.includes('chromium') && `CLEANCOPY_ENGINES=${only.join(',')}` }, () => {
  test('chromium: with no voice installed, Listen says so and what to do', async () => {
    const server = await startServer({ root: join(projectDir, 'www'), port: 0 });
    const browser = await launch('chromium');
    try {
      const session = await browser.session();
      const app = await session.page();
      await app.goto(`http://127.0.0.1:${server.address().port}/`);
      await app.waitFor(() => window.cleanCopyApp && document.getElementById('status').textContent.startsWith('Ready'), [], { what: 'the app ready' });
      await app.click('#try-example');
      await app.waitForSelector('#reader article h1');
      await app.waitFor(() => !document.getElementById('listen').disabled, [], { what: 'Listen ready (listen.js comes with the first article)' });
      await app.click('#listen');
      await app.waitForSelector('#notice', { text: 'No voice to read aloud with is installed' });
      assert.match(await app.evaluate(() => document.getElementById('notice').textContent), /speech-dispatcher with espeak-ng/);
      assert.equal(await app.evaluate(() => document.getElementById('player').hidden), true);
      await app.screenshot(join(SCREENSHOTS, 'chromium-listen-no-voice.png'));
      await session.close();
    } finally {
      await browser.close();
      await close(server);
    }
  });
});

describe('chromium: voices that send the text away', { skip: !only.includes('chromium') && `CLEANCOPY_ENGINES=${only.join(',')}` }, () => {
  test('an online voice is marked as sending the text to its provider and never picked by itself', async () => {
    const server = await startServer({ root: join(projectDir, 'www'), port: 0 });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      // The browser's list, as one with only an online voice for English gives it.
      await page.addInitScript(() => {
        const online = { name: 'Cloud English', lang: 'en-US', localService: false, default: true, voiceURI: 'Cloud English' };
        speechSynthesis.getVoices = () => [online];
        speechSynthesis.speak = () => { window.spokeAnyway = true; };
      });
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.evaluate(() => window.cleanCopyApp.ready);
      await page.getByRole('button', { name: 'Try an example' }).click();
      await page.locator('#reader article h1').waitFor();
      // Listening loads with the first article and then lists the voices.
      await page.locator('#voice optgroup option').first().waitFor({ state: 'attached' });
      const listed = await page.locator('#voice').evaluate((s) => ({ value: s.value, options: [...s.querySelectorAll('optgroup option')].map((o) => [o.parentElement.label, o.textContent]) }));
      assert.equal(listed.value, '', 'no voice is chosen');
      assert.deepEqual(listed.options, [['Online voices: they send the text to their provider', 'Cloud English (en-US), online: sends the text to its provider']]);
      await page.getByRole('button', { name: 'Listen' }).click();
      await page.locator('#notice', { hasText: 'online voices, which send the text to their provider' }).waitFor();
      assert.equal(await page.evaluate(() => window.spokeAnyway ?? false), false, 'nothing is spoken');
    } finally {
      await browser.close();
      await close(server);
    }
  });
});
