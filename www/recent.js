// The article on show and a few recent ones, kept in this browser (as their share fragments)
// so that a reload or a closed tab loses nothing.
import { store } from './store.js';

const CURRENT_KEY = 'cleancopy.current';
const RECENT_KEY = 'cleancopy.recent';
const RECENT_MAX = 8;

const $ = (id) => document.getElementById(id);

function recentList() {
  try {
    const list = JSON.parse(store.get(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((r) => r && typeof r.fragment === 'string') : [];
  } catch {
    return [];
  }
}

/** The fragment of the article on show before the page was left, if any. */
export const savedCurrent = () => store.get(CURRENT_KEY);

/** Wires the recent list; `open(fragment)` opens an entry, `showing()` says whether an article
 * is on show (the list then waits to be asked for). Returns `remember(fragment, copy)`, which
 * keeps an article as the current one and first in the list, `render()`, and `hide()`. */
export function setupRecent({ open, showing }) {
  let wanted = false;

  function render() {
    const list = recentList();
    const ul = $('recent-list');
    ul.replaceChildren();
    for (const entry of list) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-like';
      button.textContent = entry.site ? `${entry.title} (${entry.site})` : entry.title;
      button.addEventListener('click', () => open(entry.fragment));
      const del = document.createElement('button');
      del.type = 'button';
      del.textContent = 'Delete';
      del.setAttribute('aria-label', `Delete “${entry.title}” from recent articles`);
      del.addEventListener('click', () => {
        store.set(RECENT_KEY, JSON.stringify(recentList().filter((r) => r.fragment !== entry.fragment)));
        if (store.get(CURRENT_KEY) === entry.fragment) store.set(CURRENT_KEY, '');
        render();
      });
      li.append(button, ' ', del);
      ul.append(li);
    }
    $('recent').hidden = list.length === 0 || (showing() && !wanted);
    $('show-recent').disabled = list.length === 0;
  }

  function remember(fragment, copy) {
    store.set(CURRENT_KEY, fragment);
    const entry = { fragment, title: copy.title || 'Untitled', site: copy.siteName, at: new Date().toISOString() };
    const list = [entry, ...recentList().filter((r) => r.fragment !== fragment)].slice(0, RECENT_MAX);
    store.set(RECENT_KEY, JSON.stringify(list));
    render();
  }

  $('show-recent').addEventListener('click', () => {
    wanted = $('recent').hidden;
    render();
    if (wanted) $('recent').scrollIntoView({ block: 'nearest' });
  });

  return {
    remember,
    render,
    hide() {
      wanted = false;
      $('recent').hidden = true;
    },
  };
}
