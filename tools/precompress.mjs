// Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside each of the
// app's files, so that a server can send the smallest form a browser accepts without
// compressing on every request (`tools/serve.mjs` does; so do common static servers' "static
// compression" settings). Run by `./build.sh` after the wasm is built.
//
//     node tools/precompress.mjs [www]
//
// A copy older than its file is never sent (the server checks), so editing a file during
// development needs no new run.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The kinds of file worth compressing (images other than SVG are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.txt', '.md', '.svg']);

/** Every file under `dir` worth compressing, as paths. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return COMPRESSIBLE.has(extname(entry.name)) ? [path] : [];
  });
}

/** Writes the two copies of each file under `dir`; returns [file, raw, brotli, gzip] rows. */
export function precompress(dir) {
  return files(dir).map((path) => {
    const bytes = readFileSync(path);
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(bytes, { level: 9 });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    return [path, bytes.length, br.length, gz.length];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'www';
  const rows = precompress(dir);
  const sum = (i) => rows.reduce((n, row) => n + row[i], 0);
  const start = statSync(dir).isDirectory() ? dir.length + 1 : 0;
  for (const [path, raw, br, gz] of rows) console.log(`  ${path.slice(start).padEnd(32)} ${String(raw).padStart(9)} ${String(br).padStart(9)} ${String(gz).padStart(9)}`);
  console.log(`  ${'all (raw, brotli, gzip)'.padEnd(32)} ${String(sum(1)).padStart(9)} ${String(sum(2)).padStart(9)} ${String(sum(3)).padStart(9)}`);
}
