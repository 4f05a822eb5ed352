// Clean Copy's service worker: after one visit the app loads and works offline.
// Network first, so that a new version is used on the very next load; the cache answers only
// when the network cannot. Only the app's own files are handled; article images go by.
const CACHE = 'cleancopy-app';
const FILES = [
  './', 'index.html', 'app.js', 'worker.js', 'reader.css', 'print.css', 'icon.svg', 'example.txt',
  'bookmarklet.js', 'editing.js', 'extractor.js', 'files.js', 'modules.js', 'recent.js', 'save.js',
  'settings.js', 'share.js', 'store.js', 'colours.js', 'faces.js', 'fonts.js', 'line-focus.js', 'listen.js',
  'manifest.webmanifest', 'pkg/cleancopy.js', 'pkg/cleancopy_bg.wasm',
  'pkg/cleancopy_detector.js', 'pkg/cleancopy_detector_bg.wasm',
  'pkg/cleancopy_markdown.js', 'pkg/cleancopy_markdown_bg.wasm',
  'pkg/cleancopy_legacy.js', 'pkg/cleancopy_legacy_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request, { cache: 'no-cache' });
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (err) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw err;
    }
  })());
});
