// The example news page as a browser would copy it as text/html: the same page tools written as
// lists and links around the story. Built at test time from the copied text in ../shared, so
// the story itself stays there.
import { readShared } from './helpers.mjs';

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const button = (label) => `<a href="javascript:void(0)">${escape(label)}</a>`;
const tools = `<ul class="tools"><li>${button('E-mail')}</li><li>${button('Save')}</li><li>${button('Print')}</li></ul>`;

/** Returns { text, html } for the example page. */
export function examplePage() {
  const text = readShared('examples/news-page-copied-as-text.txt');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const bullets = lines.filter((l) => l.startsWith('•')).map((l) => l.slice(1).trim());
  const highlights = bullets.slice(bullets.indexOf('Story Highlights') + 1, bullets.findIndex((b) => b.startsWith('Next Article')));
  const nextArticle = bullets.find((b) => b.startsWith('Next Article'));
  const title = lines.find((l, i) => !l.startsWith('•') && i > 0 && lines[i + 1]?.startsWith('•'));
  const first = lines.findIndex((l) => /^[A-Z]{3,}/.test(l) && l.includes('--'));
  const copyright = lines.findIndex((l) => l.startsWith('Copyright'));
  const paragraphs = lines.slice(first, copyright);
  const tail = ' E-mail to a friend E-mail to a friend';
  const last = paragraphs.pop();
  const lastText = last.endsWith(tail) ? last.slice(0, -tail.length) : last;
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(title)} - Example.com</title></head>
<body>
<a href="#content" class="skip">Skip to main content</a>
${tools}
<div id="content">
<h1>${escape(title)}</h1>
<ul class="highlights"><li><strong>Story Highlights</strong></li>
${highlights.map((h) => `<li>${escape(h)}</li>`).join('\n')}
<li><a href="/WORLD/">${escape(nextArticle)}</a></li></ul>
<p>${button('Decrease font')} ${button('Enlarge font')}</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<p>${escape(lastText)} ${button('E-mail to a friend')}</p>
<p>${escape(lines[copyright])}</p>
${tools}
</div>
</body></html>`;
  return { text, html, title, highlights };
}
