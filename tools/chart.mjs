// Draws docs/scaling.csv (from `cargo bench --bench quality -- curve`) as docs/scaling.svg:
// time and peak memory against input size, both axes logarithmic, with a dotted line of
// slope 1 (linear growth) through each series' first point for comparison.
//
//     node tools/chart.mjs [docs/scaling.csv] [docs/scaling.svg]
import { readFileSync, writeFileSync } from 'node:fs';

const [src = 'docs/scaling.csv', dest = 'docs/scaling.svg'] = process.argv.slice(2);
const rows = readFileSync(src, 'utf8').trim().split('\n').slice(1).map((l) => {
  const [kind, bytes, seconds, peak] = l.split(',');
  return { kind, bytes: Number(bytes), seconds: Number(seconds), peak: Number(peak) };
});

const W = 360;
const H = 260;
const M = { left: 58, right: 16, top: 30, bottom: 44 };
const COLORS = { text: '#0b57a4', html: '#b3261e' };
const log = Math.log10;

function panel(x0, title, key, unit, fmt) {
  const xs = rows.map((r) => log(r.bytes));
  const ys = rows.map((r) => log(r[key]));
  const [xmin, xmax] = [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs))];
  const [ymin, ymax] = [Math.floor(Math.min(...ys)), Math.ceil(Math.max(...ys))];
  const px = (v) => x0 + M.left + ((v - xmin) / (xmax - xmin)) * (W - M.left - M.right);
  const py = (v) => M.top + (1 - (v - ymin) / (ymax - ymin)) * (H - M.top - M.bottom);
  const clip = `clip-${key}`;
  const out = [
    `<clipPath id="${clip}"><rect x="${x0 + M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}"/></clipPath>`,
    `<text x="${x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">${title}</text>`,
  ];
  for (let e = xmin; e <= xmax; e++) {
    const label = ['1 B', '10 B', '100 B', '1 KB', '10 KB', '100 KB', '1 MB', '10 MB', '100 MB', '1 GB'][e] ?? `1e${e}`;
    out.push(`<line x1="${px(e)}" y1="${M.top}" x2="${px(e)}" y2="${H - M.bottom}" stroke="#ddd"/>`);
    out.push(`<text x="${px(e)}" y="${H - M.bottom + 16}" text-anchor="middle">${label}</text>`);
  }
  for (let e = ymin; e <= ymax; e++) {
    out.push(`<line x1="${x0 + M.left}" y1="${py(e)}" x2="${x0 + W - M.right}" y2="${py(e)}" stroke="#ddd"/>`);
    out.push(`<text x="${x0 + M.left - 6}" y="${py(e) + 4}" text-anchor="end">${fmt(10 ** e)}</text>`);
  }
  out.push(`<text x="${x0 + W / 2}" y="${H - 6}" text-anchor="middle">input size</text>`);
  out.push(`<text transform="translate(${x0 + 14} ${H / 2}) rotate(-90)" text-anchor="middle">${unit}</text>`);
  for (const kind of ['text', 'html']) {
    const s = rows.filter((r) => r.kind === kind);
    const pts = s.map((r) => `${px(log(r.bytes)).toFixed(1)},${py(log(r[key])).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${pts}" fill="none" stroke="${COLORS[kind]}" stroke-width="2"/>`);
    for (const r of s) out.push(`<circle cx="${px(log(r.bytes)).toFixed(1)}" cy="${py(log(r[key])).toFixed(1)}" r="3" fill="${COLORS[kind]}"/>`);
    // Linear growth from the largest point back: where the curve would lie if time (memory)
    // were proportional to size.
    const last = s[s.length - 1];
    const first = s[0];
    const y0 = log(last[key]) - (log(last.bytes) - log(first.bytes));
    out.push(`<line x1="${px(log(first.bytes))}" y1="${py(y0)}" x2="${px(log(last.bytes))}" y2="${py(log(last[key]))}" stroke="${COLORS[kind]}" stroke-dasharray="3 3" opacity="0.6" clip-path="url(#${clip})"/>`);
  }
  return out.join('\n');
}

const seconds = (v) => (v >= 1 ? `${v} s` : `${+(v * 1000).toPrecision(2)} ms`);
const mb = (v) => (v >= 1000 ? `${v / 1000} GB` : `${v} MB`);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 24}" font-family="sans-serif" font-size="11" fill="#1b1b1b">
<rect width="100%" height="100%" fill="#fff"/>
${panel(0, 'Time (clean, end to end)', 'seconds', 'time', seconds)}
${panel(W, 'Peak memory (whole process)', 'peak', 'peak memory', mb)}
<g transform="translate(${M.left + 8} ${H + 14})">
<line x1="0" y1="-4" x2="18" y2="-4" stroke="${COLORS.text}" stroke-width="2"/><text x="24" y="0">plain text</text>
<line x1="100" y1="-4" x2="118" y2="-4" stroke="${COLORS.html}" stroke-width="2"/><text x="124" y="0">HTML</text>
<line x1="190" y1="-4" x2="208" y2="-4" stroke="#555" stroke-dasharray="3 3"/><text x="214" y="0">linear growth, through the largest point</text>
</g>
</svg>
`;
writeFileSync(dest, svg);
console.log(`wrote ${dest}`);
