// The app's own files, as its service worker lists them for offline use (www/sw.js, FILES):
// one list, read by the tests and the benchmarks rather than copied into each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files under `www` that the service worker keeps, as paths relative to `www`
 * (the page's own address, './', left out). */
export function keptFiles(www) {
  const sw = readFileSync(join(www, 'sw.js'), 'utf8');
  return [...sw.match(/const FILES = \[([^\]]*)\]/)[1].matchAll(/'([^']*)'/g)].map((m) => m[1]).filter((f) => f !== './');
}

/** The wasm modules the page loads only when needed (with their glue), and the example. */
export const ON_DEMAND = /^(pkg\/cleancopy_(detector|markdown|legacy)(_bg\.wasm|\.js)|example\.txt)$/;
