// Listening: the clean copy read aloud by the browser's own speech synthesis (the Web Speech
// API), sentence by sentence, from the title down or from the paragraph the reader picks. The
// sentence being read is marked (and its word, where the engine reports word boundaries) and
// kept in view; pause, stop, back and on by sentence and by paragraph, the speed and the voice,
// from buttons and keys. Headings, paragraphs, list items, quotes and captions are read; code
// and tables are passed over with a word; removed blocks are not read. Voices on this device
// come first, and one that sends the text away is never picked unless the reader picks it.
// The article's HTML stays as the core made it: marks are custom highlights where the browser
// has them, and what listening adds (a class, tabindex) goes when it stops.
import { store } from './store.js';

const VOICES_KEY = 'cleancopy.voices';
const $ = (id) => document.getElementById(id);

/** The elements read as blocks of their own, and those passed over with a word. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, dt, dd';
const SKIPPED = { PRE: 'Code block skipped.', TABLE: 'Table skipped.' };
/** What is never read: the site and source lines, contents, link notes, the footer. */
const UNSPOKEN = '.site, .source, .reading-time, .contents, .notes, .note-ref, .article-footer, img, [aria-hidden="true"]';
/** Sentences longer than this many characters are read in parts: some engines stop short on
 * long utterances. */
const LONGEST = 300;
/** How long to wait, at most, for the browser's list of voices, which some fill in after start
 * (Chromium asks speech-dispatcher, which took 2 s for espeak-ng's 13,000 voices here). */
const VOICES_WAIT = 10_000;
/** WebKitGTK's built-in Flite voices (see `isLocal`). */
const FLITE = new Set(['kal', 'kal16', 'awb', 'rms', 'slt']);
/** Language subtags that name the same language for choosing a voice. */
const SAME_LANGUAGE = { cmn: 'zh', yue: 'zh', nb: 'no', nn: 'no' };

const synth = window.speechSynthesis ?? null;
const canHighlight = typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights;
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');

const primary = (tag) => {
  const sub = String(tag ?? '').toLowerCase().replace(/_/g, '-').split('-')[0];
  return SAME_LANGUAGE[sub] ?? sub;
};
const voiceKey = (voice) => `${voice.name}|${voice.lang}`;

/**
 * Whether a voice speaks on this device. Browsers say so in `localService`, but two say "no"
 * of voices that are: Firefox registers every speech-dispatcher voice (voiceURI
 * `urn:moz-tts:speechd:…`) as not local unless it is named "default" (SpeechDispatcherService),
 * and WebKitGTK registers its built-in Flite voices with no voiceURI and as not local
 * (PlatformSpeechSynthesizerGStreamer). speech-dispatcher is a service of this machine, and
 * Flite is compiled into the browser.
 */
export function isLocal(voice) {
  return voice.localService
    || voice.voiceURI.startsWith('urn:moz-tts:speechd:')
    || (voice.voiceURI === '' && FLITE.has(voice.name));
}

/** The language's name in English ("French"), or its tag. */
function languageName(tag) {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The browser's voices, once it has listed them: at once when it has, at its first
 * `voiceschanged` (which may say there are none), or after `VOICES_WAIT` from the first ask. */
let listing = null;
function voicesReady() {
  if (!synth) return Promise.resolve([]);
  if (synth.getVoices().length) return Promise.resolve(synth.getVoices());
  listing ??= new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener('voiceschanged', done);
      resolve();
    };
    const timer = setTimeout(done, VOICES_WAIT);
    synth.addEventListener('voiceschanged', done);
    // Asking is what makes some browsers start listing.
    synth.getVoices();
  });
  return listing.then(() => synth.getVoices());
}

/** The sentences of `text` as [start, end) offsets, white space trimmed, long ones in parts. */
function sentences(text, lang) {
  const out = [];
  const add = (from, to) => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start])) start += 1;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    while (end - start > LONGEST) {
      // A part ends at the last comma, semicolon or space before the limit.
      const window = text.slice(start, start + LONGEST);
      const cut = Math.max(window.search(/[,;:]\s[^,;:]*$/) + 1, window.lastIndexOf(' '));
      const stop = cut > LONGEST / 3 ? start + cut : start + LONGEST;
      out.push({ start, end: stop });
      start = stop;
      while (start < end && /\s/.test(text[start])) start += 1;
    }
    if (end > start) out.push({ start, end });
  };
  let segmenter = null;
  if (typeof Intl.Segmenter === 'function') {
    try { segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' }); } catch { segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' }); }
  }
  if (segmenter) {
    for (const part of segmenter.segment(text)) add(part.index, part.index + part.segment.length);
  } else {
    const ends = /[.!?…]+["'”’)\]]*\s+/g;
    let from = 0;
    for (let m = ends.exec(text); m; m = ends.exec(text)) {
      add(from, m.index + m[0].length);
      from = m.index + m[0].length;
    }
    add(from, text.length);
  }
  return out;
}

/**
 * The article's blocks in reading order, each `{ el, text, nodes, sentences }` (`nodes`: its
 * text nodes with where each starts in `text`), or `{ el, note }` for a block passed over.
 * Text of a block around a nested block (a list item's own list) is a block of its own.
 */
function collectBlocks(article, lang) {
  const blocks = [];
  let open = null;
  const walk = (el, block) => {
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!block) continue;
        if (!open) {
          open = { el: block, text: '', nodes: [] };
          blocks.push(open);
        }
        open.nodes.push({ node: child, start: open.text.length });
        open.text += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE && !child.matches(UNSPOKEN)) {
        if (SKIPPED[child.tagName]) {
          blocks.push({ el: child, note: SKIPPED[child.tagName] });
          open = null;
        } else if (child.matches(BLOCKS)) {
          open = null;
          walk(child, child);
          open = null;
        } else {
          walk(child, block);
        }
      }
    }
  };
  walk(article, null);
  return blocks
    .filter((b) => b.note || b.text.trim())
    .map((b) => (b.note ? { ...b, sentences: [{ start: 0, end: b.note.length }] } : { ...b, sentences: sentences(b.text, lang) }));
}

/** Whether a block is on the page: not removed ("Remove blocks"), not hidden by a setting. */
const shown = (el) => el.isConnected && !el.closest('[hidden]') && el.getClientRects().length > 0;

/** The DOM point at `offset` in a block's text; `end`: the point ends a range. */
function point(block, offset, end) {
  for (const { node, start } of block.nodes) {
    const length = node.data.length;
    if (end ? offset > start && offset <= start + length : offset >= start && offset < start + length) return [node, offset - start];
  }
  const last = block.nodes[block.nodes.length - 1];
  return [last.node, last.node.data.length];
}

function rangeOf(block, start, end) {
  const range = document.createRange();
  if (block.note) {
    range.selectNode(block.el);
    return range;
  }
  range.setStart(...point(block, start, false));
  range.setEnd(...point(block, end, true));
  return range;
}

/**
 * Wires listening to `reader` (where the article is shown). `notice(text)` tells the reader
 * something, `status(text)` updates the status line, `isTyping(target)` says when keys belong
 * to a field. Returns `reset()`, for each new article: listening stops, the voices are those
 * for its language.
 */
export function setupListen(reader, { notice, status, isTyping }) {
  const button = $('listen');
  const player = $('player');
  const voiceSelect = $('voice');
  let state = 'idle';
  let blocks = [];
  let at = { block: 0, sentence: 0 };
  let voice = null;
  let ticket = 0;
  let speaking = null;
  let marked = null;
  let focusable = [];

  const article = () => reader.querySelector('article');
  const language = () => article()?.getAttribute('lang') || navigator.language || 'en';
  const rate = () => Math.min(3, Math.max(0.5, Number(document.documentElement.dataset.rate) || 1));

  function savedVoices() {
    try { return JSON.parse(store.get(VOICES_KEY) ?? '{}') ?? {}; } catch { return {}; }
  }

  /** The voices for the article's language, local ones first, each with whether it is local. */
  function voicesFor(lang) {
    if (!synth) return [];
    const want = primary(lang);
    const exact = lang.toLowerCase();
    const region = navigator.language?.toLowerCase() ?? '';
    const score = (v) => {
      const tag = v.lang.toLowerCase().replace(/_/g, '-');
      return (isLocal(v) ? 8 : 0) + (tag === exact ? 4 : 0) + (tag === region ? 2 : 0) + (v.default ? 1 : 0);
    };
    return synth.getVoices().filter((v) => primary(v.lang) === want)
      .map((v, i) => ({ v, i, s: score(v) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map(({ v }) => v);
  }

  /** The voice to read with: the reader's choice for this language if the browser still has
   * it, else the best voice on this device; null when there is none. */
  function chosenVoice(lang) {
    const voices = voicesFor(lang);
    const saved = savedVoices()[primary(lang)];
    return voices.find((v) => voiceKey(v) === saved) ?? voices.find(isLocal) ?? null;
  }

  /** What to tell the reader when nothing can read `lang` aloud, or '' when something can. */
  function noVoice(lang) {
    if (!synth) return 'This browser cannot read aloud: it has no speech synthesis. Another browser may.';
    const name = languageName(primary(lang));
    if (!synth.getVoices().length) {
      return 'No voice to read aloud with is installed on this device. Install one in your system’s speech or accessibility settings '
        + '(on Linux, for example, speech-dispatcher with espeak-ng), then reload this page.';
    }
    const voices = voicesFor(lang);
    if (!voices.length) return `No voice for ${name} is installed on this device. Install one for ${name} in your system’s speech settings, then reload this page.`;
    if (!chosenVoice(lang)) {
      return `The only voices for ${name} here are online voices, which send the text to their provider: choose one under Voice in Reading settings `
        + `if you agree to that, or install a voice for ${name} in your system’s speech settings.`;
    }
    return '';
  }

  /** Lists the voices for the article's language in the settings panel. */
  function listVoices() {
    const lang = language();
    const voices = voicesFor(lang);
    const chosen = chosenVoice(lang);
    const saved = savedVoices()[primary(lang)];
    const automatic = voices.find(isLocal);
    const options = [new Option(automatic ? `Best voice on this device (${automatic.name})` : 'Best voice on this device', '')];
    const local = voices.filter(isLocal);
    const online = voices.filter((v) => !isLocal(v));
    for (const v of local) options.push(new Option(`${v.name} (${v.lang})`, voiceKey(v)));
    const groups = [];
    if (online.length) {
      const group = document.createElement('optgroup');
      group.label = 'Online voices: they send the text to their provider';
      for (const v of online) group.append(new Option(`${v.name} (${v.lang}), online: sends the text to its provider`, voiceKey(v)));
      groups.push(group);
    }
    voiceSelect.replaceChildren(...options, ...groups);
    voiceSelect.value = chosen && saved === voiceKey(chosen) ? saved : '';
    $('voice-note').textContent = noVoice(lang);
  }

  /** The two marks, registered while listening: one highlight each, whose range changes (a
   * highlight taken away and another set leaves the old one painted in WebKitGTK). */
  const marks = canHighlight ? { sentence: new Highlight(), word: new Highlight() } : null;

  function clearMarks() {
    if (marks) {
      marks.sentence.clear();
      marks.word.clear();
    }
    marked?.classList.remove('listen-reading');
    marked = null;
  }

  function showMarks(on) {
    if (!marks) return;
    if (on) {
      CSS.highlights.set('listen-sentence', marks.sentence);
      CSS.highlights.set('listen-word', marks.word);
    } else {
      CSS.highlights.delete('listen-sentence');
      CSS.highlights.delete('listen-word');
    }
  }

  /** The part of the window not under the sticky header or the player. */
  function visibleBand() {
    const header = document.querySelector('.app-header').getBoundingClientRect();
    const bottom = player.hidden ? innerHeight : player.getBoundingClientRect().top;
    return { top: Math.max(0, header.bottom), bottom };
  }

  function keepInView(range, { instant = false } = {}) {
    const rect = range.getBoundingClientRect();
    const { top, bottom } = visibleBand();
    if (rect.top >= top + 8 && rect.bottom <= bottom - 8) return;
    const behavior = instant || reducedMotion?.matches ? 'instant' : 'smooth';
    window.scrollTo({ top: window.scrollY + rect.top - top - (bottom - top) / 3, behavior });
  }

  /** Marks the sentence at `at` and brings it into view. */
  function mark() {
    clearMarks();
    const block = blocks[at.block];
    const sentence = block.sentences[at.sentence];
    const range = rangeOf(block, sentence.start, sentence.end);
    if (marks) marks.sentence.add(range);
    else {
      marked = block.el;
      marked.classList.add('listen-reading');
    }
    keepInView(range);
    $('listen-where').textContent = `Part ${at.block + 1} of ${blocks.length} ·`;
  }

  function markWord(block, start, length) {
    if (!marks || block.note) return;
    const sentence = block.sentences[at.sentence];
    const end = length > 0 ? start + length : start + (/^\S+/.exec(block.text.slice(start))?.[0].length ?? 0);
    if (start < sentence.start || end > sentence.end || end <= start) return;
    marks.word.clear();
    marks.word.add(rangeOf(block, start, end));
  }

  function setState(next, message) {
    state = next;
    const on = next !== 'idle';
    button.setAttribute('aria-pressed', String(on));
    player.hidden = !on;
    reader.classList.toggle('listening', on);
    $('listen-pause').textContent = next === 'paused' ? 'Resume' : 'Pause';
    if (message !== undefined) $('listen-status').textContent = message;
  }

  /** The first shown block at or after `i` going `direction` (1 or -1), or -1. */
  function shownFrom(i, direction) {
    for (let j = i; j >= 0 && j < blocks.length; j += direction) if (shown(blocks[j].el)) return j;
    return -1;
  }

  /** Reads the sentence at `at`, and on from there while playing. */
  function speak() {
    const index = shownFrom(at.block, 1);
    if (index < 0) {
      finish();
      return;
    }
    if (index !== at.block) at = { block: index, sentence: 0 };
    const block = blocks[at.block];
    const sentence = block.sentences[at.sentence];
    const text = block.note ?? block.text.slice(sentence.start, sentence.end).replace(/\s/g, ' ');
    mark();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = rate();
    const mine = ++ticket;
    utterance.addEventListener('end', () => {
      if (mine !== ticket || state !== 'playing') return;
      // The next utterance is spoken after the event, not in it: WebKitGTK never ends one
      // spoken from the end event of the one before.
      setTimeout(() => { if (mine === ticket && state === 'playing') forward(); }, 0);
    });
    utterance.addEventListener('error', (event) => {
      if (mine !== ticket || ['interrupted', 'canceled'].includes(event.error)) return;
      stop();
      notice(event.error === 'not-allowed'
        ? 'The browser did not let the page speak: click Listen again.'
        : `Reading aloud stopped: the voice reported “${event.error || 'an error'}”. Try another voice under Voice in Reading settings.`);
    });
    utterance.addEventListener('boundary', (event) => {
      if (mine === ticket && event.name === 'word' && !block.note) markWord(block, sentence.start + event.charIndex, event.charLength);
    });
    // Kept, so that the utterance (and its events) outlive this call in every engine.
    speaking = utterance;
    synth.speak(utterance);
  }

  /** On to the next sentence, or the next block's first; the end when there is none. */
  function forward() {
    if (at.sentence + 1 < blocks[at.block].sentences.length) at = { block: at.block, sentence: at.sentence + 1 };
    else at = { block: at.block + 1, sentence: 0 };
    if (at.block >= blocks.length) finish();
    else speak();
  }

  function finish() {
    stop();
    status('Finished reading the article aloud.');
  }

  /** Starts reading again at `at` (when playing), or marks it (when paused). */
  function restart() {
    ticket += 1;
    synth.cancel();
    if (state === 'playing') speak();
    else mark();
  }

  /** Moves by `count` sentences (±1), across blocks, past removed ones. */
  function moveSentence(count) {
    if (state === 'idle') return;
    const here = blocks[at.block];
    if (count > 0 && at.sentence + 1 < here.sentences.length) at = { block: at.block, sentence: at.sentence + 1 };
    else if (count < 0 && at.sentence > 0) at = { block: at.block, sentence: at.sentence - 1 };
    else {
      const next = shownFrom(at.block + count, count);
      if (next < 0) return;
      at = { block: next, sentence: count > 0 ? 0 : blocks[next].sentences.length - 1 };
    }
    restart();
  }

  /** On to the next paragraph; back to the start of this one, or to the one before when at its
   * start already. */
  function moveParagraph(count) {
    if (state === 'idle') return;
    if (count < 0 && at.sentence > 0) at = { block: at.block, sentence: 0 };
    else {
      const next = shownFrom(at.block + count, count);
      if (next < 0) return;
      at = { block: next, sentence: 0 };
    }
    restart();
  }

  function makeFocusable(on) {
    for (const el of focusable) el.removeAttribute('tabindex');
    focusable = [];
    if (!on) return;
    for (const block of blocks) {
      if (!block.el.hasAttribute('tabindex')) {
        block.el.tabIndex = 0;
        focusable.push(block.el);
      }
    }
  }

  /** The block and sentence holding DOM point (node, offset), or null. */
  function positionOf(node, offset) {
    for (const [i, block] of blocks.entries()) {
      if (block.note) {
        if (block.el.contains(node)) return { block: i, sentence: 0 };
        continue;
      }
      const found = block.nodes.find((n) => n.node === node);
      if (!found) continue;
      const at = found.start + offset;
      const sentence = block.sentences.findIndex((s) => at < s.end);
      return { block: i, sentence: sentence < 0 ? block.sentences.length - 1 : sentence };
    }
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const i = blocks.findIndex((b) => b.el === el || b.el.contains(el) || el?.contains(b.el));
    return i < 0 ? null : { block: i, sentence: 0 };
  }

  /** Where the reader's selection in the article starts, or null. */
  function selectionStart() {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    if (!article()?.contains(range.startContainer)) return null;
    return positionOf(range.startContainer, range.startOffset);
  }

  /** Starts reading: at `from`, else where the reader's selection starts, else the title. */
  async function start(from = null) {
    if (!article() || state !== 'idle') return;
    const lang = language();
    if (!synth) {
      notice(noVoice(lang));
      return;
    }
    state = 'starting';
    if (!synth.getVoices().length) status('Looking for a voice…');
    await voicesReady();
    listVoices();
    voice = chosenVoice(lang);
    state = 'idle';
    if (!voice) {
      const message = noVoice(lang);
      notice(message);
      status(message);
      return;
    }
    blocks = collectBlocks(article(), lang);
    if (!blocks.length) return;
    at = from ?? selectionStart() ?? { block: 0, sentence: 0 };
    makeFocusable(true);
    showMarks(true);
    setState('playing', `Reading with ${voice.name}.`);
    status(`Reading aloud with ${voice.name}.`);
    synth.cancel();
    speak();
  }

  function pause() {
    if (state !== 'playing') return;
    setState('paused', 'Paused.');
    ticket += 1;
    synth.cancel();
    // Where reading stopped is shown, whatever scrolling was under way.
    const block = blocks[at.block];
    const sentence = block.sentences[at.sentence];
    keepInView(rangeOf(block, sentence.start, sentence.end), { instant: true });
  }

  function resume() {
    if (state !== 'paused') return;
    setState('playing', `Reading with ${voice.name}.`);
    speak();
  }

  function stop() {
    if (state === 'idle' || state === 'starting') return;
    ticket += 1;
    synth.cancel();
    speaking = null;
    clearMarks();
    showMarks(false);
    makeFocusable(false);
    setState('idle', '');
    $('listen-where').textContent = '';
  }

  /** Jumps to the block (and sentence) at a DOM point, while listening. */
  function jumpTo(node, offset) {
    const to = positionOf(node, offset);
    if (!to) return;
    at = to;
    if (state === 'paused') setState('playing', `Reading with ${voice.name}.`);
    restart();
  }

  button.addEventListener('click', () => (state === 'idle' ? start() : stop()));
  $('listen-pause').addEventListener('click', () => (state === 'paused' ? resume() : pause()));
  $('listen-stop').addEventListener('click', stop);
  $('listen-back').addEventListener('click', () => moveSentence(-1));
  $('listen-on').addEventListener('click', () => moveSentence(1));
  $('listen-back-paragraph').addEventListener('click', () => moveParagraph(-1));
  $('listen-on-paragraph').addEventListener('click', () => moveParagraph(1));

  // While listening, a click on a block (not on a link) reads from there.
  reader.addEventListener('click', (event) => {
    if (state === 'idle' || state === 'starting' || reader.classList.contains('editing') || event.target.closest('a')) return;
    if (!article()?.contains(event.target)) return;
    let node = event.target;
    let offset = 0;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const range = caret ? null : document.caretRangeFromPoint?.(event.clientX, event.clientY);
    if (caret?.offsetNode && article().contains(caret.offsetNode)) ({ offsetNode: node, offset } = caret);
    else if (range && article().contains(range.startContainer)) ({ startContainer: node, startOffset: offset } = range);
    jumpTo(node, offset);
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const active = state === 'playing' || state === 'paused';
    let handled = true;
    if (event.key === 'l' || event.key === 'L') {
      if (state === 'idle') {
        if (button.disabled) return;
        start();
      } else if (state === 'playing') pause();
      else resume();
    } else if (!active) {
      handled = false;
    } else if (event.key === 'Escape') stop();
    else if (event.key === ',') moveSentence(-1);
    else if (event.key === '.') moveSentence(1);
    else if (event.key === '<') moveParagraph(-1);
    else if (event.key === '>') moveParagraph(1);
    else if ((event.key === 'Enter' || event.key === ' ') && focusable.includes(event.target) && !reader.classList.contains('editing')) {
      jumpTo(event.target, 0);
    } else handled = false;
    if (handled) event.preventDefault();
  });

  const changed = () => { if (state === 'playing') restart(); };
  voiceSelect.addEventListener('change', () => {
    const lang = language();
    const saved = savedVoices();
    if (voiceSelect.value) saved[primary(lang)] = voiceSelect.value;
    else delete saved[primary(lang)];
    store.set(VOICES_KEY, JSON.stringify(saved));
    $('voice-note').textContent = noVoice(lang);
    const next = chosenVoice(lang);
    if (state !== 'idle' && next) {
      voice = next;
      changed();
    }
  });
  $('rate').addEventListener('change', changed);
  window.addEventListener('pagehide', stop);
  if (synth) {
    synth.addEventListener?.('voiceschanged', listVoices);
    voicesReady().then(listVoices);
  } else {
    listVoices();
  }

  return {
    reset() {
      stop();
      blocks = [];
      button.disabled = !article();
      listVoices();
    },
  };
}
