// Sending the clean copy to someone: the share link (the article travels inside the link's
// #fragment, which browsers never send to a server), e-mail to a friend, the system's share
// sheet (a link, or the clean copy as a page of its own), and the article copied as formatted
// text. Nothing leaves this machine unless the reader sends it.

const $ = (id) => document.getElementById(id);

/** Puts `html` and `text` on the clipboard as one item (a mail composer takes the HTML). */
async function writeRich(html, text) {
  await navigator.clipboard.write([new ClipboardItem({
    'text/html': new Blob([html], { type: 'text/html' }),
    'text/plain': new Blob([text], { type: 'text/plain' }),
  })]);
}

/** Whether the browser's share sheet takes `data` (`navigator.share` alone is not enough:
 * some browsers define it and then refuse every share). */
function canShare(data) {
  if (typeof navigator.share !== 'function') return false;
  if (typeof navigator.canShare !== 'function') return !data.files;
  try { return navigator.canShare(data); } catch { return false; }
}

/** The clean copy as a self-contained page, as "Save page" writes it, to attach. */
const pageFile = (copy) => new File([copy.page()], copy.fileName('html'), { type: 'text/html' });

/** Wires the sharing controls. `article()` is the article on show (a wasm `Cleaned`) or null;
 * `link()` its share link; `beforeUse()` makes what waits for the first frame (the e-mail
 * link) at once; `notice(text)` and `showError(text)` speak to the reader; `copyText(text,
 * done)` copies plain text. Returns `update()`, which makes the e-mail link for the article on
 * show, and `reset()`, which holds it back until then. */
export function setupSharing({ article, link, beforeUse, notice, showError, copyText }) {
  const email = $('email');
  const chars = (n) => n.toLocaleString('en');
  // The share sheet is offered only where it works, and a page attached only where the browser
  // shares files.
  const sharesLinks = canShare({ title: 'Clean Copy', url: location.href });
  const sharesFiles = canShare({ files: [new File(['<p>x</p>'], 'x.html', { type: 'text/html' })] });
  $('share').hidden = !sharesLinks;
  $('share-file').hidden = !sharesFiles;

  function update() {
    const mail = article().mailto(link());
    email.href = mail.href;
    email.removeAttribute('aria-disabled');
    email.dataset.fits = String(mail.fits);
    mail.free();
  }

  function reset() {
    email.setAttribute('aria-disabled', 'true');
    email.removeAttribute('href');
  }

  /** What the friend gets with the message, beside the link: the original's address, when known. */
  const original = (copy) => (copy.sourceUrl ? ', and the address of the original' : '');

  email.addEventListener('click', (event) => {
    // A click in the frame before the link is made makes it now (the link is followed after
    // this listener, with the address it then has).
    beforeUse();
    const copy = article();
    if (!copy || email.getAttribute('aria-disabled') === 'true') {
      event.preventDefault();
      return;
    }
    const url = link();
    if (email.dataset.fits === 'true') {
      notice(`Your mail program opens with a message to send: it holds the link to this clean copy (${chars(url.length)} characters)${original(copy)}. `
        + 'Your friend opens the link and reads this clean copy in any browser.');
      return;
    }
    // Too long for a mailto: address. The mail program opens with the subject and a line; the
    // link goes on the clipboard, started here, within the click.
    const rich = copy.richLink(url);
    const { html, text } = rich;
    rich.free();
    const orFile = sharesFiles ? ' Or use Send as a file… to attach the clean copy as a page.' : '';
    writeRich(html, text).catch(() => navigator.clipboard.writeText(text)).then(
      () => notice(`Your mail program opens with the title${original(copy)} and a line for the link to this clean copy, which is too long to go in by itself `
        + `(${chars(url.length)} characters; mail programs take about 2,000). The link is on your clipboard: paste it into the message `
        + '(Ctrl+V, or touch and hold, then Paste). Your friend gets the title, linked to this clean copy, with the link under it, '
        + `and reads this clean copy in any browser.${orFile}`),
      (err) => showError(`Your mail program opens with the title and a line, but the link to this clean copy could not be put on the clipboard (${err?.message ?? err}). `
        + `Use Copy link, then paste it into the message.${orFile}`),
    );
  });

  $('copy-link').addEventListener('click', () => {
    const url = link();
    copyText(url, `Link copied (${chars(url.length)} characters). Whoever opens it sees this clean copy; the article travels inside the link.`);
  });

  $('copy-article').addEventListener('click', async () => {
    const copy = article();
    try {
      await writeRich(copy.html, copy.fullText());
      notice('Article copied as formatted text: paste it into an e-mail or a document.');
    } catch (err) {
      showError(`Could not copy the article: ${err?.message ?? err}`);
    }
  });

  $('share').addEventListener('click', async () => {
    const copy = article();
    try {
      await navigator.share({ title: copy.title || 'An article', url: link() });
    } catch (err) {
      if (err?.name !== 'AbortError') showError(`Could not share: ${err?.message ?? err}`);
    }
  });

  $('share-file').addEventListener('click', async () => {
    const copy = article();
    const title = copy.title || 'An article';
    try {
      await navigator.share({
        title,
        text: `I thought you would like to read “${title}”. The clean copy is attached as a page: it opens in any browser, even offline.`,
        files: [pageFile(copy)],
      });
      notice('Shared the clean copy as a page: your friend opens the attached file in any browser.');
    } catch (err) {
      if (err?.name !== 'AbortError') showError(`Could not share the page: ${err?.message ?? err}`);
    }
  });

  return { update, reset };
}
