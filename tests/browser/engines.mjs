// One small driver for three browser engines, each through a standard automation protocol as
// Debian ships it: Chromium (chromedriver) and WebKitGTK (WebKitWebDriver, in a virtual X
// display) through classic WebDriver, plain HTTP and JSON; Firefox through WebDriver BiDi,
// which it has built in, over a WebSocket. The same few calls drive all three, so that one
// test file runs in each.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_ARGS } from './helpers.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const BINARIES = {
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromedriver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
  firefox: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
  webkitdriver: process.env.WEBKITDRIVER ?? '/usr/bin/WebKitWebDriver',
  xvfb: '/usr/bin/Xvfb',
};

/** How long a new browser session may take to start. */
const SESSION_TIMEOUT = 30_000;
const WIDTH = 1280;
const HEIGHT = 900;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** A free port on the loopback interface. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts `command`; resolves once `ready(output so far)` gives a value, with the process. */
function start(command, args, { env, ready, timeout = 30_000, extraFds = [], group = false } = {}) {
  // `group`: the process leads a group of its own, so that stopping it stops what it started.
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', ...extraFds], detached: group });
  child.group = group;
  let output = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${command} did not start in ${timeout} ms:\n${output.slice(-2000)}`)), timeout);
    const look = (chunk) => {
      output += chunk;
      const value = ready?.(output);
      if (value !== undefined && value !== null) {
        clearTimeout(timer);
        ok({ child, value });
      }
    };
    for (const stream of [child.stdout, child.stderr, ...extraFds.map((_, i) => child.stdio[3 + i])]) stream?.setEncoding('utf8').on('data', look);
    child.once('error', (err) => { clearTimeout(timer); fail(err); });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`${command} exited (${code}):\n${output.slice(-2000)}`)); });
    if (!ready) { clearTimeout(timer); ok({ child }); }
  });
}

function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const signal = (name) => {
    try {
      if (child.group) process.kill(-child.pid, name);
      else child.kill(name);
    } catch { /* gone already */ }
  };
  return new Promise((ok) => {
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      // What the process started goes with it.
      if (child.group) signal('SIGKILL');
      ok();
    });
    signal('SIGTERM');
  });
}

/** Whether the process has children still running (Linux's /proc). */
function hasChildren(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim() !== '';
  } catch {
    return false;
  }
}

/** WebDriver's key codes for the named keys; other keys are themselves. */
const KEYS = {
  Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C',
  Backspace: '\uE003', Delete: '\uE017', ArrowUp: '\uE013', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010',
};

/** 'Control+V' as WebDriver key actions: the modifiers held while the last key is pressed. */
function keyActions(combo) {
  const parts = combo === '+' ? ['+'] : combo.split('+');
  const keys = parts.map((k) => KEYS[k] ?? (k.length === 1 && parts.length > 1 ? k.toLowerCase() : k));
  return [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))];
}

/** A function and its arguments as source that returns the result as JSON text. */
const wrapped = (fn) => `async (json) => { const value = await (${fn})(...JSON.parse(json)); return JSON.stringify(value === undefined ? null : value); }`;

/**
 * What a test does with a page, the same in every engine. Subclasses speak the protocol.
 */
class Page {
  constructor(engine) {
    this.engine = engine;
  }

  /** Waits until `fn(...args)` in the page returns something truthy, and returns it. */
  async waitFor(fn, args = [], { timeout = 30_000, what = String(fn) } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, ...args);
        if (last) return last;
      } catch (err) {
        // A page still loading (or reloading) has no realm to run in yet.
        if (!/navigat|context|realm|discarded|unload|destroyed|no such|JavaScript error|script/i.test(String(err))) throw err;
        last = err;
      }
      if (Date.now() > end) throw new Error(`${this.engine}: timed out waiting for ${what} (last: ${last})`);
      await sleep(100);
    }
  }

  /** Waits for an element matching `selector` (and holding `text`, when given) to be shown. */
  waitForSelector(selector, { text, timeout } = {}) {
    return this.waitFor((s, t) => {
      for (const el of document.querySelectorAll(s)) {
        if ((t == null || el.textContent.includes(t)) && el.getClientRects().length > 0) return true;
      }
      return false;
    }, [selector, text], { timeout, what: `${selector}${text ? ` with "${text}"` : ''}` });
  }

  /** The centre of the first element matching `selector`, scrolled into view, in CSS pixels. */
  async centre(selector) {
    const point = await this.evaluate((s) => {
      const el = document.querySelector(s);
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.left + Math.min(r.width / 2, 20)), y: Math.round(r.top + r.height / 2) };
    }, selector);
    if (!point) throw new Error(`${this.engine}: no element ${selector}`);
    return point;
  }

  /** A real mouse click (moved, pressed, released) on the element, or at a point. */
  async click(target) {
    const { x, y } = typeof target === 'string' ? await this.centre(target) : target;
    await this.actions([{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', x, y, duration: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
    }]);
  }

  /** Presses a key or a combination ('Control+V', '+', 'Enter'), as real key events. */
  press(combo) {
    return this.actions([{ type: 'key', id: 'keyboard', actions: keyActions(combo) }]);
  }

  /** Picks `value` in a `<select>` with the keyboard, as a reader without a mouse does. */
  async selectOption(selector, value) {
    const { from, to } = await this.evaluate((s, v) => {
      const el = document.querySelector(s);
      el.focus();
      return { from: el.selectedIndex, to: [...el.options].findIndex((o) => o.value === v) };
    }, selector, value);
    if (to < 0) throw new Error(`${selector} has no option ${value}`);
    for (let i = from; i !== to; i += Math.sign(to - from)) await this.press(to > from ? 'ArrowDown' : 'ArrowUp');
    await this.waitFor((s, v) => document.querySelector(s).value === v, [selector, value], { timeout: 5000 });
  }

  /**
   * Pastes as a reader does: the flavours are put on the clipboard by another page (the site
   * copied from; a real click there gives it the right to write), then this page gets a real
   * click and Ctrl+V, and the browser fires the paste event from its clipboard.
   */
  async paste(flavours, { writer }) {
    await writer.activate();
    await writer.evaluate((items) => { window.pending = items; window.written = null; }, flavours);
    await writer.click(WRITE_BUTTON);
    const outcome = await writer.evaluate(() => new Promise((ok) => {
      const end = Date.now() + 10_000;
      const look = () => (window.written || Date.now() > end ? ok(window.written ?? 'no answer') : setTimeout(look, 10));
      look();
    }));
    if (outcome !== 'ok') throw new Error(`${this.engine}: the clipboard could not be written: ${outcome}`);
    await this.activate();
    // A click on the page's margin, then Ctrl+V, in one sequence of input actions.
    const keys = keyActions('Control+V');
    await this.actions([
      {
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x: 5, y: 200, duration: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }, ...keys.map(() => ({ type: 'pause' }))],
      },
      { type: 'key', id: 'keyboard', actions: [{ type: 'pause' }, { type: 'pause' }, { type: 'pause' }, ...keys] },
    ]);
  }
}

/** Where the page copied from (engines.test.mjs) has its Copy button. */
export const WRITE_BUTTON = { x: 100, y: 40 };

/** Classic WebDriver over HTTP: chromedriver and WebKitWebDriver. */
class ClassicPage extends Page {
  constructor(session, handle) {
    super(session.engine);
    this.session = session;
    this.base = session.base;
    this.sessionId = session.sessionId;
    this.handle = handle;
  }

  /** Commands go to the current window: switches to this one when another is current. */
  async current() {
    if (this.session.current === this.handle) return;
    await this.activate();
  }

  async call(method, path, body) {
    const response = await fetch(`${this.base}/session/${this.sessionId}${path}`, {
      method, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok || value?.error) throw new Error(`${this.engine} ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  async activate() {
    await this.call('POST', '/window', { handle: this.handle });
    this.session.current = this.handle;
  }

  async goto(url) {
    await this.current();
    await this.call('POST', '/url', { url });
  }

  async reload() {
    await this.current();
    await this.call('POST', '/refresh', {});
  }

  async evaluate(fn, ...args) {
    await this.current();
    const script = `const done = arguments[1]; (${wrapped(fn)})(arguments[0]).then((v) => done({ ok: v }), (e) => done({ error: String(e && e.stack || e) }));`;
    const result = await this.call('POST', '/execute/async', { script, args: [JSON.stringify(args)] });
    if (result?.error) throw new Error(`${this.engine}: ${result.error}`);
    return JSON.parse(result.ok);
  }

  async actions(actions) {
    await this.current();
    await this.call('POST', '/actions', { actions });
  }

  async screenshot(file) {
    await this.current();
    writeFileSync(file, Buffer.from(await this.call('GET', '/screenshot'), 'base64'));
  }

  async printPdf() {
    if (this.engine === 'webkit') return null;
    await this.current();
    return Buffer.from(await this.call('POST', '/print', { background: true }), 'base64');
  }
}

/** A classic WebDriver session: one browser with its tabs. */
class ClassicSession {
  constructor(engine, base, sessionId) {
    this.engine = engine;
    this.base = base;
    this.sessionId = sessionId;
    this.pages = [];
  }

  static async create(engine, base, capabilities, driver) {
    const response = await fetch(`${base}/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ capabilities: { alwaysMatch: capabilities } }),
      signal: AbortSignal.timeout(SESSION_TIMEOUT),
    });
    const { value } = await response.json();
    if (!value?.sessionId) throw new Error(`${engine}: no session: ${JSON.stringify(value)}`);
    const session = new ClassicSession(engine, base, value.sessionId);
    session.driver = driver;
    const first = new ClassicPage(session, null);
    first.handle = await first.call('GET', '/window');
    session.current = first.handle;
    await first.call('POST', '/timeouts', { script: 180_000, pageLoad: 60_000 });
    await first.call('POST', '/window/rect', { width: WIDTH, height: HEIGHT }).catch(() => {});
    session.pages.push(first);
    session.version = value.capabilities?.browserVersion;
    return session;
  }

  /** The first tab, or a new one. */
  async page({ fresh = false } = {}) {
    if (!fresh) return this.pages[0];
    const { handle } = await this.pages[0].call('POST', '/window/new', { type: 'window' });
    const page = new ClassicPage(this, handle);
    this.pages.push(page);
    return page;
  }

  /** The window a page of this session opened (a popup), once it is there. */
  async opened({ timeout = 15_000 } = {}) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      const handles = await this.pages[0].call('GET', '/window/handles');
      const handle = handles.find((h) => !this.pages.some((p) => p.handle === h));
      if (handle) {
        const page = new ClassicPage(this, handle);
        this.pages.push(page);
        return page;
      }
      await sleep(100);
    }
    throw new Error(`${this.engine}: no window opened`);
  }

  /** Ends the session, and waits until its browser has gone. */
  async close() {
    await fetch(`${this.base}/session/${this.sessionId}`, { method: 'DELETE', signal: AbortSignal.timeout(SESSION_TIMEOUT) }).catch(() => {});
    for (let i = 0; i < 100 && this.driver && hasChildren(this.driver.pid); i += 1) await sleep(100);
  }
}

/** WebDriver BiDi over a WebSocket: Firefox. */
class BidiConnection {
  constructor(url) {
    this.socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
    this.next = 0;
    this.waiting = new Map();
    this.listeners = new Set();
    this.socket.on('message', (data) => {
      const message = JSON.parse(data);
      if (message.id !== undefined && this.waiting.has(message.id)) {
        const { ok, fail, method } = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (message.type === 'error') fail(new Error(`firefox ${method}: ${message.error}: ${message.message}`));
        else ok(message.result);
      } else if (message.type === 'event') {
        for (const listener of this.listeners) listener(message);
      }
    });
    this.opened = new Promise((ok, fail) => {
      this.socket.once('open', ok);
      this.socket.once('error', fail);
    });
  }

  send(method, params = {}) {
    const id = ++this.next;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close() {
    this.socket.close();
  }
}

class BidiPage extends Page {
  constructor(connection, context) {
    super('firefox');
    this.bidi = connection;
    this.context = context;
  }

  activate() {
    return this.bidi.send('browsingContext.activate', { context: this.context });
  }

  goto(url) {
    return this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  reload() {
    return this.bidi.send('browsingContext.reload', { context: this.context, wait: 'complete' });
  }

  async evaluate(fn, ...args) {
    const result = await this.bidi.send('script.callFunction', {
      functionDeclaration: wrapped(fn), arguments: [{ type: 'string', value: JSON.stringify(args) }],
      target: { context: this.context }, awaitPromise: true, resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(`firefox: ${result.exceptionDetails.text}`);
    return JSON.parse(result.result.value);
  }

  async actions(actions) {
    await this.bidi.send('input.performActions', { context: this.context, actions });
  }

  async screenshot(file) {
    const { data } = await this.bidi.send('browsingContext.captureScreenshot', { context: this.context });
    writeFileSync(file, Buffer.from(data, 'base64'));
  }

  async printPdf() {
    const { data } = await this.bidi.send('browsingContext.print', { context: this.context, background: true });
    return Buffer.from(data, 'base64');
  }
}

/** A Firefox "session": a user context of its own (own storage), with its tabs. */
class BidiSession {
  constructor(connection, userContext) {
    this.engine = 'firefox';
    this.bidi = connection;
    this.userContext = userContext;
    this.pages = [];
  }

  async page({ fresh = false } = {}) {
    if (this.pages.length && !fresh) return this.pages[0];
    const { context } = await this.bidi.send('browsingContext.create', { type: 'tab', userContext: this.userContext });
    await this.bidi.send('browsingContext.setViewport', { context, viewport: { width: WIDTH, height: HEIGHT } });
    const page = new BidiPage(this.bidi, context);
    this.pages.push(page);
    return page;
  }

  /** The window a page of this session opened (a popup), once it is there. */
  async opened({ timeout = 15_000 } = {}) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      const { contexts } = await this.bidi.send('browsingContext.getTree', { maxDepth: 0 });
      const found = contexts.find((c) => c.userContext === this.userContext && !this.pages.some((p) => p.context === c.context));
      if (found) {
        const page = new BidiPage(this.bidi, found.context);
        this.pages.push(page);
        return page;
      }
      await sleep(100);
    }
    throw new Error('firefox: no window opened');
  }

  async close() {
    await this.bidi.send('browser.removeUserContext', { userContext: this.userContext }).catch(() => {});
  }
}

/**
 * Starts an engine and its driver. `browser.session()` gives a fresh browser session (own
 * storage, own clipboard rights); `browser.close()` ends everything started here. `env`: more
 * environment for the browser (a home of its own, say); `args`: more Chromium switches.
 */
export async function launch(engine, { env: extraEnv = {}, args = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `cleancopy-${engine}-`));
  const children = [];
  const cleanup = async () => {
    for (const child of children.reverse()) await stop(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (engine === 'firefox') {
      // Prefs for a quiet test profile; the remote agent sets the rest it recommends.
      writeFileSync(join(dir, 'user.js'), [
        'user_pref("browser.shell.checkDefaultBrowser", false);',
        'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
        'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
        'user_pref("browser.aboutwelcome.enabled", false);',
        'user_pref("dom.disable_open_during_load", false);',
      ].join('\n'));
      const { child, value: url } = await start(BINARIES.firefox, ['--headless', '--no-remote', '--profile', dir, '--remote-debugging-port', '0', 'about:blank'], {
        env: { MOZ_CRASHREPORTER_DISABLE: '1', ...extraEnv },
        ready: (out) => out.match(/WebDriver BiDi listening on (ws:\/\/\S+)/)?.[1],
      });
      children.push(child);
      const bidi = new BidiConnection(`${url}/session`);
      await bidi.opened;
      const { capabilities } = await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
      return {
        engine, version: capabilities.browserVersion,
        async session() {
          const { userContext } = await bidi.send('browser.createUserContext', {});
          return new BidiSession(bidi, userContext);
        },
        async close() {
          await bidi.send('session.end', {}).catch(() => {});
          bidi.close();
          await cleanup();
        },
      };
    }

    let driver;
    let capabilities;
    const env = { ...extraEnv };
    if (engine === 'chromium') {
      driver = BINARIES.chromedriver;
      capabilities = {
        browserName: 'chrome',
        'goog:chromeOptions': { binary: BINARIES.chromium, args: [...CHROMIUM_ARGS, ...args, `--window-size=${WIDTH},${HEIGHT}`] },
      };
    } else if (engine === 'webkit') {
      // WebKitGTK's browser has no headless mode: it gets a virtual X display of its own.
      const { child: xvfb, value: display } = await start(BINARIES.xvfb, ['-displayfd', '3', '-screen', '0', `${WIDTH}x${HEIGHT + 200}x24`, '-nolisten', 'tcp'], {
        extraFds: ['pipe'],
        ready: (out) => out.match(/^(\d+)\n/m)?.[1],
      });
      children.push(xvfb);
      env.DISPLAY = `:${display}`;
      driver = BINARIES.webkitdriver;
      capabilities = { 'webkitgtk:browserOptions': { args: ['--automation'] } };
    } else {
      throw new Error(`no such engine: ${engine}`);
    }
    let driverProcess;
    let base;
    const startDriver = async () => {
      const port = await freePort();
      ({ child: driverProcess } = await start(driver, [`--port=${port}`], { env, group: true }));
      children.push(driverProcess);
      base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i += 1) {
        const ready = await fetch(`${base}/status`).then((r) => r.json()).then((j) => j.value?.ready !== false).catch(() => false);
        if (ready) break;
        if (i > 100) throw new Error(`${engine}: the driver did not answer`);
        await sleep(100);
      }
    };
    await startDriver();
    let version;
    return {
      engine,
      get version() { return version; },
      async session() {
        let session;
        try {
          session = await ClassicSession.create(engine, base, capabilities, driverProcess);
        } catch (err) {
          // WebKitWebDriver now and then never answers a new-session request: it is
          // restarted, once, and says so.
          console.log(`${engine}: no new session (${err.message}); restarting the driver`);
          await stop(driverProcess);
          await startDriver();
          session = await ClassicSession.create(engine, base, capabilities, driverProcess);
        }
        version = session.version;
        return session;
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
