// How the app's files are served: the precompressed copy a browser accepts, never a stale one,
// and a `304` for a file the browser already has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../tools/precompress.mjs';
import { accepted, SHARE_TARGET, startServer } from '../../tools/serve.mjs';
import { openApp, projectDir, useBrowser } from './helpers.mjs';

/** GET `path` with `headers` (or another `method`, with a `body`); resolves to
 * { status, headers, body } with the body as sent. */
function get(port, path, headers = {}, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end(body);
  });
}

test('the Accept-Encoding header is read as browsers send it', () => {
  assert.deepEqual(accepted('gzip, deflate, br, zstd').map(([c]) => c), ['br', 'gzip']);
  assert.deepEqual(accepted('gzip, deflate').map(([c]) => c), ['gzip']);
  assert.deepEqual(accepted('br;q=0, gzip;q=0.8').map(([c]) => c), ['gzip']);
  assert.deepEqual(accepted('*').map(([c]) => c), ['br', 'gzip']);
  assert.deepEqual(accepted('identity').map(([c]) => c), []);
  assert.deepEqual(accepted(undefined).map(([c]) => c), []);
});

test('each file goes out in the best form accepted, the same bytes once decoded; a stale copy never', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cleancopy-serve-'));
  const server = await startServer({ root: dir, port: 0 });
  try {
    const script = `${'console.log("a clean copy");\n'.repeat(2000)}`;
    writeFileSync(join(dir, 'app.js'), script);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const rows = precompress(dir);
    assert.equal(rows.length, 2);
    const { port } = server.address();

    const br = await get(port, '/app.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['vary'], 'Accept-Encoding');
    assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.ok(br.body.length < script.length / 20, `${br.body.length} bytes sent for ${script.length}`);
    assert.equal(brotliDecompressSync(br.body).toString(), script);

    const gz = await get(port, '/app.js', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), script);

    const plain = await get(port, '/app.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), script);

    // The folder's own address is its index page, compressed too.
    const index = await get(port, '/', { 'accept-encoding': 'br' });
    assert.equal(index.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(index.body).toString(), '<!doctype html><title>t</title>');

    // The file edited after it was compressed: its copies are stale and are not sent.
    const edited = `${script}console.log("edited");\n`;
    writeFileSync(join(dir, 'app.js'), edited);
    const later = statSync(join(dir, 'app.js.br')).mtime.getTime() / 1000 + 5;
    utimesSync(join(dir, 'app.js'), later, later);
    const fresh = await get(port, '/app.js', { 'accept-encoding': 'gzip, br' });
    assert.equal(fresh.headers['content-encoding'], undefined);
    assert.equal(fresh.body.toString(), edited);

    // Revalidation: the same file again costs a 304 and no body; a changed one does not.
    const again = await get(port, '/app.js', { 'accept-encoding': 'br', 'if-none-match': fresh.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const other = await get(port, '/index.html', { 'if-none-match': fresh.headers.etag });
    assert.equal(other.status, 200);

    assert.equal((await get(port, '/missing.js')).status, 404);
    assert.equal((await get(port, '/../package.json')).status, 404);
  } finally {
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a share that reaches the server is sent to the app at #shared; other writes are refused', async () => {
  const server = await startServer({ root: join(projectDir, 'www'), port: 0 });
  try {
    const { port } = server.address();
    const form = '--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nA shared note\r\n--b--\r\n';
    const multipart = { 'content-type': 'multipart/form-data; boundary=b' };
    const shared = await get(port, SHARE_TARGET, multipart, { method: 'POST', body: form });
    assert.equal(shared.status, 303);
    assert.equal(shared.headers.location, './#shared');
    const other = await get(port, '/index.html', multipart, { method: 'POST', body: form });
    assert.equal(other.status, 405);
    assert.equal(other.headers.allow, 'GET, HEAD');
    assert.equal((await get(port, SHARE_TARGET, {}, { method: 'PUT', body: 'x' })).status, 405);
    assert.equal((await get(port, SHARE_TARGET)).status, 404, 'the share target is no file');
  } finally {
    await new Promise((ok) => server.close(ok));
  }
});

const env = useBrowser();

test('the browser gets the app compressed: the wasm arrives as brotli, well under its size', async () => {
  const context = await env.browser.newContext();
  const sent = new Map();
  context.on('requestfinished', async (req) => {
    // The page's own requests (the service worker fetches the files again to keep them, and
    // revalidates what the browser has: a 304 with no body).
    if (req.serviceWorker()) return;
    const res = await req.response();
    const { responseBodySize } = await req.sizes();
    sent.set(new URL(req.url()).pathname, { coding: res?.headers()['content-encoding'], bytes: responseBodySize });
  });
  const page = await openApp(env, { context });
  await page.waitForFunction(() => window.cleanCopyApp.ready);
  // The 'requestfinished' handlers have run for every file the page needed to be ready.
  await new Promise((ok) => setTimeout(ok, 200));
  const wasm = sent.get('/pkg/cleancopy_bg.wasm');
  assert.ok(wasm, `requests seen: ${[...sent.keys()].join(', ')}`);
  const raw = readFileSync(join(projectDir, 'www/pkg/cleancopy_bg.wasm')).length;
  assert.equal(wasm.coding, 'br');
  assert.ok(wasm.bytes > 0 && wasm.bytes < raw / 2, `${wasm.bytes} bytes on the wire for ${raw}`);
  for (const file of ['/', '/app.js', '/layout.js', '/paste-box.js', '/shared-in.js', '/reader.css', '/pkg/cleancopy.js']) {
    assert.equal(sent.get(file)?.coding, 'br', `${file} was sent ${sent.get(file)?.coding ?? 'uncompressed'}`);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});
