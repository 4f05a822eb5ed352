// A news site on an origin of its own, for the bookmarklet's tests: a story its own script
// writes, with metadata, relative links and a picture; a page that writes what it is given
// to the clipboard, for pastes; and a mail composer's message box, for what a reader pastes
// into an e-mail.
import { createServer } from 'node:http';

export const HEADLINE = 'Ferry will run all winter, council says';
export const PATH = '/news/2026/ferry.html';

/** A news page whose story its own script writes, with metadata, relative links and a picture. */
function storyPage({ paragraphs = 3 } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry | The Island Times</title>
<meta property="og:title" content="Ferry saved">
<meta property="og:site_name" content="The Island Times">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${HEADLINE}","author":{"@type":"Person","name":"Ann Reid"},"datePublished":"2026-11-02"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></nav>
<main id="story"><p>Loading…</p></main>
<footer><a href="/about">About us</a></footer>
<script src="/story.js?n=${paragraphs}"></script>
</body></html>`;
}

/** The script that builds the story in the page, as many sites do. */
const STORY_JS = `
const n = Number(new URL(document.currentScript.src).searchParams.get('n'));
const main = document.getElementById('story');
main.textContent = '';
const h1 = document.createElement('h1');
h1.textContent = ${JSON.stringify(HEADLINE)};
const lead = document.createElement('p');
lead.innerHTML = 'The ferry between the two islands will keep running through the winter, the council said on Monday, after <a href="../council/report.html">its report</a> on the crossing.';
const figure = document.createElement('figure');
figure.innerHTML = '<img src="img/ferry.jpg" alt="The ferry at the pier"><figcaption>The ferry at the pier.</figcaption>';
main.append(h1, lead, figure);
for (let i = 0; i < n; i += 1) {
  const p = document.createElement('p');
  p.textContent = 'Fishermen, teachers and nurses, who cross twice a day, had written letters, signed petitions and filled the town hall, paragraph ' + (i + 1) + '.';
  main.append(p);
}
`;

/** The page a reader copies from: it writes what it is given to the clipboard when its button
 * is clicked (a click gives a page the right to write there). */
const WRITER = `<!doctype html><html><head><meta charset="utf-8"><title>A site</title></head><body>
<button id="write" style="position:fixed;left:10px;top:10px;width:200px;height:60px">Copy</button>
<script>
document.getElementById('write').addEventListener('click', async () => {
  try {
    const parts = {};
    for (const [type, text] of Object.entries(window.pending)) parts[type] = new Blob([text], { type });
    await navigator.clipboard.write([new ClipboardItem(parts)]);
    window.written = 'ok';
  } catch (err) {
    window.written = String(err);
  }
});
</script></body></html>`;

/** A mail composer's message box: an editable area that keeps what is pasted into it, as such
 * boxes do, and records the paste event's flavours (`window.pasted`). */
const COMPOSER = `<!doctype html><html><head><meta charset="utf-8"><title>New message</title></head><body>
<div id="message" contenteditable="true" style="position:fixed;left:10px;top:10px;width:600px;height:300px;border:1px solid">Hello,<br></div>
<script>
window.pasted = null;
document.getElementById('message').addEventListener('paste', (event) => {
  window.pasted = { html: event.clipboardData.getData('text/html'), text: event.clipboardData.getData('text/plain') };
});
</script></body></html>`;

/** Serves the site on 127.0.0.1 (a free port), with `headers` on its pages. */
export function siteServer(headers = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/writer.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(WRITER);
    } else if (url.pathname === '/composer.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(COMPOSER);
    } else if (url.pathname === '/story.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(STORY_JS);
    } else if (url.pathname.endsWith('.html')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(storyPage({ paragraphs: Number(url.searchParams.get('n') ?? 3) }));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

