// Removing blocks before printing: in this mode a click (or Enter / Delete on a focused block)
// hides a paragraph, image, caption, list item, quote, table or heading; Undo (or Ctrl+Z) brings
// the last one back; Escape leaves the mode. After a removal by keyboard the focus moves to the
// next block, so that the reader stays where they were.

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
    const wasOn = editing;
    editing = on;
    $('edit').setAttribute('aria-pressed', String(on));
    reader.classList.toggle('editing', on);
    for (const el of removableBlocks()) {
      if (on) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    }
    if (on) status('Click a block to remove it (or Delete on it); Undo removal or Ctrl+Z brings it back; Escape when done.');
    else if (wasOn) status(removed.length ? `${removed.length} block${removed.length === 1 ? '' : 's'} removed: Undo removal brings them back.` : 'Showing the clean copy.');
  }

  /** The visible removable block after `el` (else the one before it). */
  function neighbour(el) {
    const blocks = removableBlocks().filter((b) => b === el || !b.hidden);
    const i = blocks.indexOf(el);
    return blocks[i + 1] ?? blocks[i - 1] ?? null;
  }

  function removeBlock(el) {
    const focused = el.contains(document.activeElement);
    const next = focused ? neighbour(el) : null;
    el.hidden = true;
    removed.push(el);
    $('undo').disabled = false;
    next?.focus({ preventScroll: false });
  }

  function undo() {
    const el = removed.pop();
    if (el) {
      el.hidden = false;
      el.focus?.();
    }
    $('undo').disabled = removed.length === 0;
  }

  $('edit').addEventListener('click', () => setEditing(!editing));
  $('undo').addEventListener('click', undo);
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.target.closest?.('input, textarea, select, [contenteditable]')) return;
    if (editing && event.key === 'Escape') {
      setEditing(false);
      $('edit').focus();
    } else if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && removed.length) {
      event.preventDefault();
      undo();
    }
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
