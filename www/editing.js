// Removing blocks before printing: in this mode a click (or Enter / Delete on a focused block)
// hides a paragraph, image, caption, list item, quote, table or heading; Undo brings the last
// one back.

const BLOCKS = 'p, figure, figcaption, li, blockquote, pre, table, h2, h3, h4, h5, h6';
const $ = (id) => document.getElementById(id);

/** Wires the mode to `reader` (the element the reader HTML is shown in); `status(text)` says
 * what the mode does. Returns `reset()`, for each new article: nothing removed, the mode kept. */
export function setupEditing(reader, { status }) {
  const removed = [];
  let editing = false;

  const removableBlocks = () => [...reader.querySelectorAll(`article > :is(${BLOCKS}), article :is(ul, ol) > li, article figure > figcaption`)]
    .filter((el) => !el.closest('header, footer'));

  function setEditing(on) {
    editing = on;
    $('edit').setAttribute('aria-pressed', String(on));
    reader.classList.toggle('editing', on);
    for (const el of removableBlocks()) {
      if (on) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    }
    if (on) status('Click a block to remove it; Undo removal brings it back.');
  }

  function removeBlock(el) {
    el.hidden = true;
    removed.push(el);
    $('undo').disabled = false;
  }

  $('edit').addEventListener('click', () => setEditing(!editing));
  $('undo').addEventListener('click', () => {
    const el = removed.pop();
    if (el) {
      el.hidden = false;
      el.focus?.();
    }
    $('undo').disabled = removed.length === 0;
  });
  reader.addEventListener('click', (event) => {
    if (!editing) return;
    const block = event.target.closest(BLOCKS);
    if (!block || !reader.contains(block) || block.closest('header, footer')) return;
    event.preventDefault();
    removeBlock(block);
  });
  reader.addEventListener('keydown', (event) => {
    if (!editing || !['Enter', 'Delete', 'Backspace'].includes(event.key)) return;
    const block = event.target.closest?.(BLOCKS);
    if (block && reader.contains(block)) {
      event.preventDefault();
      removeBlock(block);
    }
  });

  return {
    reset() {
      removed.length = 0;
      $('undo').disabled = true;
      setEditing(editing);
    },
  };
}
