// The paste box: an editable field to paste into, since a phone offers Paste only in one. A
// paste there takes the page's own paste path (app.js lets the box through); text typed or
// dictated into it is cleaned by its Clean button or Ctrl+Enter. The box is emptied once its
// text is taken: the app keeps what it was given.

const BOX = 'paste-box';

/** Whether `target` is the paste box, whose pastes the page's paste handler takes. */
export function isPasteBox(target) {
  return target instanceof HTMLElement && target.id === BOX;
}

/** Wires the box; `show(input, kind)` makes and shows the clean copy of what it is given. */
export function setupPasteBox({ show }) {
  const box = document.getElementById(BOX);
  const clean = document.getElementById('paste-clean');
  const touch = window.matchMedia('(pointer: coarse)');
  box.placeholder = touch.matches ? 'Tap, then choose Paste' : 'Paste an article here (Ctrl+V)';

  /** Empties the box; on a touch screen it also lets go of focus, so that the on-screen
   * keyboard gives the article back its room. */
  const empty = () => {
    box.value = '';
    if (touch.matches) box.blur();
  };
  const take = (input) => {
    empty();
    show(input, 'auto');
  };

  // A real paste: the page's handler (on the document, after this one) takes it, and cancels
  // the box's own insertion; what was typed before is then cleared.
  box.addEventListener('paste', (event) => {
    setTimeout(() => {
      if (event.defaultPrevented) empty();
    }, 0);
  });
  // Some on-screen keyboards paste from their own clipboard with no paste event: the text
  // comes as an input of the kind "insertFromPaste", taken before it lands in the box where
  // that can be cancelled, else from the box once it has.
  box.addEventListener('beforeinput', (event) => {
    if (event.inputType !== 'insertFromPaste' || !event.cancelable) return;
    const data = event.dataTransfer;
    const html = data?.getData('text/html') ?? '';
    const text = data?.getData('text/plain') || event.data || '';
    if (!html.trim() && !text.trim()) return;
    event.preventDefault();
    empty();
    if (html.trim()) show(html, 'html');
    else show(text, 'auto');
  });
  box.addEventListener('input', (event) => {
    if (event.inputType === 'insertFromPaste' && box.value.trim()) take(box.value);
  });

  const submit = () => {
    if (box.value.trim()) take(box.value);
    else box.focus();
  };
  clean.addEventListener('click', submit);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });
}
