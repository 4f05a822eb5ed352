// A long article whose share link is too long for a mailto: address (well over 8,000
// characters): made-up words, drawn from a fixed seed, so that no compressor can make its text
// short and the test stays the same from run to run.

const TITLE = 'A long letter from the lighthouse keeper';

/** The same sequence of numbers in [0, 1) every time. */
function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A page of `paragraphs` paragraphs of made-up words; its `title` and `html`. */
export function longArticle({ paragraphs = 40 } = {}) {
  const next = seeded(7);
  const word = () => Array.from({ length: 3 + Math.floor(next() * 7) }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(next() * 26)]).join('');
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 10) }, word);
    return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const body = Array.from({ length: paragraphs }, () => `<p>${Array.from({ length: 4 }, sentence).join(' ')}</p>`).join('\n');
  const html = `<html><head><title>${TITLE}</title></head><body><nav><a href="/">Home</a></nav>`
    + `<article><h1>${TITLE}</h1>\n${body}</article><footer>About us</footer></body></html>`;
  return { title: TITLE, html };
}
