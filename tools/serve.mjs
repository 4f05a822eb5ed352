// A small static server for www/: the right types (application/wasm above all), nothing outside
// the folder, the precompressed copy a browser accepts (brotli, then gzip: see
// `tools/precompress.mjs`), and revalidation rather than caching, so that an edited file is
// seen on the next load while an unchanged one costs a `304`. Used by `./build.sh serve` and
// the tests.
//
// Only GET and HEAD read files. A POST to the share target (the manifest's `share_target`)
// reaches the server only when the app's service worker, which takes shared pages, was not in
// control: it is answered with the app at `#shared`, which says what to do, rather than with an
// error page the reader can do nothing with. Any other method gets a `405`.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The precompressed forms a request accepts, best first, as [coding, file suffix]. */
export function accepted(header = '') {
  const q = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, weight ? Number(weight.slice(2)) : 1);
  }
  const ok = (name) => (q.get(name) ?? (q.has('*') ? q.get('*') : 0)) > 0;
  return [['br', '.br'], ['gzip', '.gz']].filter(([name]) => ok(name));
}

/** The share target's address under the root, as `www/manifest.webmanifest` names it. */
export const SHARE_TARGET = '/share-target';

/** Serves `root` on `host:port` (port 0 picks a free one); resolves to the listening server. */
export function startServer({ root, port = 8080, host = '127.0.0.1' }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        // The body is read to its end and let go (an answer sent while the browser is still
        // sending can reach it as a reset connection).
        req.resume();
        await new Promise((ok) => { req.once('end', ok); req.once('error', ok); });
        if (req.method === 'POST' && url.pathname === SHARE_TARGET) {
          res.writeHead(303, { 'Location': './#shared', 'Cache-Control': 'no-store' }).end();
        } else {
          res.writeHead(405, { 'Allow': 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed');
        }
        return;
      }
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info?.isFile()) throw new Error('not found');
      const headers = {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'ETag': `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
        'Vary': 'Accept-Encoding',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      };
      if (req.headers['if-none-match'] === headers.ETag) {
        res.writeHead(304, headers).end();
        return;
      }
      let file = path;
      for (const [coding, suffix] of accepted(req.headers['accept-encoding'])) {
        const copy = await stat(path + suffix).catch(() => null);
        if (copy?.isFile() && copy.mtimeMs >= info.mtimeMs) {
          headers['Content-Encoding'] = coding;
          file = path + suffix;
          break;
        }
      }
      const body = await readFile(file);
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'www';
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer({ root, port });
  const { address, port: bound } = server.address();
  console.log(`Clean Copy is served at http://${address}:${bound}/ (Ctrl+C stops it)`);
}
