// The browser's storage, which may be missing or full: a failure only costs remembering.

/** localStorage, kept between visits. */
export const store = {
  get(key) {
    try { return window.localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { window.localStorage.setItem(key, value); } catch { /* not remembered */ }
  },
};
