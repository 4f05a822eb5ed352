// Share-link length: Clean Copy's links against lz-string, over the AEB pages (a benchmark:
// it prints figures and asserts nothing). Needs the wasm build (`./build.sh build`).
//
//     node tools/share-bench.mjs
//
// For each page of ../shared/corpus/aeb/html, the app's own wasm makes the clean copy and its
// share fragment, which must open to the same reader HTML (round trip). Lengths are given per
// 1,000 characters of the article's plain text (title, byline and body, as "Save text" writes
// it) and compared with lz-string's compressToEncodedURIComponent on that same plain text.
// Clean Copy's link carries more than the text (structure, links, image addresses), so the
// comparison is, if anything, in lz-string's favour.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lz from 'lz-string';
import { initSync, cleanCopy, openShared } from '../www/pkg/cleancopy.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.CLEANCOPY_SHARED ?? join(here, '..', '..', 'shared');
initSync({ module: readFileSync(join(here, '..', 'www', 'pkg', 'cleancopy_bg.wasm')) });

const dir = join(shared, 'corpus', 'aeb', 'html');
const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
const ours = [];
const lzText = [];
const ratios = [];
let failures = 0;
let encodeMs = 0;
let decodeMs = 0;
for (const file of pages) {
  const copy = cleanCopy(readFileSync(join(dir, file), 'utf8'), 'html');
  const text = copy.fullText();
  if (text.length < 200) { copy.free(); continue; }
  let t = performance.now();
  const fragment = copy.shareFragment();
  encodeMs += performance.now() - t;
  t = performance.now();
  const back = openShared(fragment);
  decodeMs += performance.now() - t;
  if (back.html !== copy.html) {
    failures += 1;
    console.log(`round trip differs: ${file}`);
  }
  const k = text.length / 1000;
  const lzLen = lz.compressToEncodedURIComponent(text).length;
  ours.push(fragment.length / k);
  lzText.push(lzLen / k);
  ratios.push(fragment.length / lzLen);
  back.free();
  copy.free();
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const f = (x) => x.toFixed(0).padStart(5);
console.log(`AEB html: ${ours.length} pages with text; round trips that differ: ${failures}`);
console.log('median link length per 1,000 characters of article text:');
console.log(`  Clean Copy (the whole article)${f(median(ours))}`);
console.log(`  lz-string (the plain text)    ${f(median(lzText))}`);
console.log(`ratio to lz-string of the plain text: ${(median(ours) / median(lzText)).toFixed(3)} (medians), ${median(ratios).toFixed(3)} (median of per-page ratios)`);
console.log(`time in wasm under node: encode ${(encodeMs / ours.length).toFixed(1)} ms, decode ${(decodeMs / ours.length).toFixed(1)} ms per page`);
