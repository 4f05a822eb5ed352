// Line focus, a reading ruler: while an article is shown and the Line focus setting is on
// (`data-focus` on <html>: off, 1, 3 or 5), all but a band of that many lines is veiled. The
// band stays where it is in the window as the page scrolls, so the text moves through it; the
// arrow keys move it a line at a time (scrolling the page at the window's edges), and the
// pointer moves it to the line under it. It settles on whole lines of text. Never printed.

const $ = (id) => document.getElementById(id);

/** Wires line focus to `reader` (where the article is shown); `isTyping(target)` says when keys
 * belong to a field. */
export function setupLineFocus(reader, { isTyping }) {
  const root = document.documentElement;
  let shades = null;
  let center = null;
  let settle = 0;

  const lines = () => Number(root.dataset.focus) || 0;
  const article = () => reader.querySelector('article');
  const active = () => lines() > 0 && article() !== null;

  /** The height of a line of the article's body text, in CSS pixels. */
  function lineHeight() {
    const sample = article().querySelector(':scope > p') ?? article();
    const style = getComputedStyle(sample);
    const height = parseFloat(style.lineHeight);
    return Number.isFinite(height) ? height : parseFloat(style.fontSize) * 1.2;
  }

  /** The part of the window the band may take: under a sticky header (unless the header, its
   * settings open, takes most of the window), over the player. */
  function room() {
    const header = document.querySelector('.app-header').getBoundingClientRect();
    const player = $('player');
    const bottom = player.hidden ? innerHeight : player.getBoundingClientRect().top;
    return { top: header.bottom < bottom / 2 ? Math.max(0, header.bottom) : 0, bottom };
  }

  /** The middle of the line of text nearest `y` (a window coordinate), or `y` where no line of
   * the article is close. */
  function lineAt(y) {
    const box = article().getBoundingClientRect();
    const x = box.left + Math.min(box.width / 2, 40);
    let node;
    let offset;
    if (document.caretPositionFromPoint) {
      const at = document.caretPositionFromPoint(x, y);
      node = at?.offsetNode;
      offset = at?.offset;
    } else if (document.caretRangeFromPoint) {
      const at = document.caretRangeFromPoint(x, y);
      node = at?.startContainer;
      offset = at?.startOffset;
    }
    if (!node || node.nodeType !== Node.TEXT_NODE || !article().contains(node) || !node.length) return y;
    const range = document.createRange();
    const start = Math.min(offset, node.length - 1);
    range.setStart(node, start);
    range.setEnd(node, start + 1);
    const rect = range.getClientRects()[0];
    if (!rect || Math.abs(rect.top + rect.height / 2 - y) > lineHeight()) return y;
    return rect.top + rect.height / 2;
  }

  /** Puts the shades around the band, its middle at `center`, kept inside the room. */
  function layout() {
    if (!shades) return;
    const on = active();
    for (const shade of shades) shade.hidden = !on;
    if (!on) return;
    const { top, bottom } = room();
    const height = Math.max(0, Math.min(lines() * lineHeight(), bottom - top));
    center ??= top + (bottom - top) * 0.4;
    const bandTop = Math.round(Math.min(Math.max(center - height / 2, top), bottom - height));
    center = bandTop + height / 2;
    shades[0].style.height = `${bandTop}px`;
    shades[1].style.top = `${bandTop + Math.round(height)}px`;
  }

  function moveTo(y) {
    center = lineAt(y);
    layout();
  }

  /** Moves the band a line down (1) or up (-1); at the edge of the room the page scrolls a
   * line instead, so the band can go through the whole article. */
  function step(direction) {
    const height = lineHeight();
    const { top, bottom } = room();
    const half = (lines() * height) / 2;
    const next = center + direction * height;
    if (next + half > bottom || next - half < top) {
      window.scrollBy({ top: direction * height, behavior: 'instant' });
      moveTo(center);
    } else {
      // The next line of text: where `next` falls in the gap between paragraphs, the nearest
      // text may be the line the band is on; look on, half a line at a time.
      let y = next;
      let line = lineAt(y);
      for (let i = 0; i < 6 && (line - center) * direction < height / 2; i += 1) {
        y += (direction * height) / 2;
        line = lineAt(y);
      }
      center = (line - center) * direction >= height / 2 ? line : next;
      layout();
    }
  }

  function update() {
    if (active() && !shades) {
      shades = ['above', 'below'].map((side) => {
        const shade = document.createElement('div');
        shade.className = `line-focus-shade ${side}`;
        shade.setAttribute('aria-hidden', 'true');
        document.body.append(shade);
        return shade;
      });
    }
    if (active() && center === null) {
      layout();
      moveTo(center);
    }
    layout();
  }

  new MutationObserver(update).observe(root, { attributes: true, attributeFilter: ['data-focus', 'data-leading', 'data-font'] });
  new MutationObserver(update).observe(reader, { childList: true });
  new MutationObserver(layout).observe($('player'), { attributes: true, attributeFilter: ['hidden'] });
  window.addEventListener('resize', layout);
  // Scrolling moves the text through the band; once it stops, the band settles on a line.
  const settleLine = () => { if (active()) moveTo(center); };
  window.addEventListener('scroll', () => {
    clearTimeout(settle);
    settle = setTimeout(settleLine, 150);
  }, { passive: true });
  document.addEventListener('keydown', (event) => {
    if (!active() || event.defaultPrevented || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    step(event.key === 'ArrowDown' ? 1 : -1);
  });
  const follow = (event) => {
    if (!active() || !event.target.closest?.('main')) return;
    if (event.type === 'pointermove' && event.pointerType !== 'mouse') return;
    moveTo(event.clientY);
  };
  document.addEventListener('pointermove', follow, { passive: true });
  document.addEventListener('pointerdown', follow, { passive: true });
  update();
}
