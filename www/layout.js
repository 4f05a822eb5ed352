// The header's layout: on a small screen the controls read most stay in one pinned row and the
// rest wait behind Menu, a disclosure button, and a message shown under them goes once read;
// Escape closes that menu and the reading settings, giving focus back to the control that
// opened them. The header's height is kept in a CSS variable, so that what a link or a focus
// scrolls to is not left under the pinned header.

/** The screens where Menu holds the less-used controls (as in reader.css). */
const SMALL = '(max-width: 1000px), (max-height: 500px)';

/** Wires Menu, Escape and the header's height. */
export function setupLayout() {
  const header = document.getElementById('app-header');
  const button = document.getElementById('menu-button');
  const panel = document.getElementById('more-controls');
  const settings = document.getElementById('settings');
  const summary = settings.querySelector('summary');
  const small = window.matchMedia(SMALL);

  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  /** Opens or closes the menu; `refocus`: focus goes back to Menu (the panel's control that had
   * it is about to be hidden). */
  function setOpen(open, { refocus = false } = {}) {
    button.setAttribute('aria-expanded', String(open));
    panel.classList.toggle('open', open);
    if (!open && refocus) button.focus({ preventScroll: true });
  }

  button.addEventListener('click', () => setOpen(!isOpen()));
  // A control used in the menu closes it (its own listener has run); the reading settings stay
  // open while they are changed.
  panel.addEventListener('click', (event) => {
    if (!small.matches || !isOpen()) return;
    const control = event.target.closest('button, a');
    if (control && !settings.contains(control)) setOpen(false, { refocus: true });
  });
  // Focus or a tap elsewhere closes it.
  panel.addEventListener('focusout', (event) => {
    if (isOpen() && event.relatedTarget && !header.contains(event.relatedTarget)) setOpen(false);
  });
  document.addEventListener('pointerdown', (event) => {
    if (isOpen() && !header.contains(event.target)) setOpen(false);
  });
  small.addEventListener('change', () => setOpen(false));

  // Escape closes what is open and in view, the innermost first: the reading settings (when
  // focus is in them, or no menu is open over them), else the menu.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const menuOpen = small.matches && isOpen();
    const settingsShown = settings.open && (!small.matches || menuOpen);
    if (settingsShown && (settings.contains(document.activeElement) || !menuOpen)) {
      event.preventDefault();
      settings.open = false;
      summary.focus({ preventScroll: true });
    } else if (menuOpen) {
      event.preventDefault();
      setOpen(false, { refocus: true });
    }
  });

  // On a small screen a message under the controls (a link copied, a file saved) gives its
  // room back once the reader has scrolled half a screen on: it was there to be read, and the
  // pinned header is to stay short.
  const notice = document.getElementById('notice');
  let noticeAt = null;
  new MutationObserver(() => { noticeAt = notice.hidden ? null : window.scrollY; })
    .observe(notice, { attributes: true, attributeFilter: ['hidden'], childList: true, characterData: true, subtree: true });
  window.addEventListener('scroll', () => {
    if (noticeAt !== null && small.matches && Math.abs(window.scrollY - noticeAt) > window.innerHeight / 2) notice.hidden = true;
  }, { passive: true });

  const measure = () => document.documentElement.style.setProperty('--header-height', `${Math.ceil(header.getBoundingClientRect().height)}px`);
  if ('ResizeObserver' in window) new ResizeObserver(measure).observe(header);
  measure();
}
