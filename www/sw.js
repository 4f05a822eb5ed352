// Clean Copy's service worker: after one visit the app loads and works offline, and pages shared
// to the installed app are received.
// Network first, so that a new version is used on the very next load; the cache answers only
// when the network cannot. Only the app's own files are handled; article images go by.
const CACHE = 'cleancopy-app';
const FILES = [
  './', 'index.html', 'app.js', 'worker.js', 'reader.css', 'print.css', 'icon.svg', 'example.txt',
  'bookmarklet.js', 'editing.js', 'extractor.js', 'files.js', 'modules.js', 'recent.js', 'save.js',
  'settings.js', 'share.js', 'store.js', 'colours.js', 'faces.js', 'fonts.js', 'line-focus.js', 'listen.js',
  'layout.js', 'paste-box.js', 'shared-in.js',
  'manifest.webmanifest', 'pkg/cleancopy.js', 'pkg/cleancopy_bg.wasm',
  'pkg/cleancopy_detector.js', 'pkg/cleancopy_detector_bg.wasm',
  'pkg/cleancopy_markdown.js', 'pkg/cleancopy_markdown_bg.wasm',
  'pkg/cleancopy_legacy.js', 'pkg/cleancopy_legacy_bg.wasm',
  'epub.js', 'pkg/cleancopy_epub.js', 'pkg/cleancopy_epub_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// A page shared to the installed app comes as a POST to the manifest's share target: what came
// is kept in a cache of its own (this origin's only), and the app is opened at #shared, where
// it reads it once and deletes it (shared-in.js). A form that cannot be read is not kept: the
// app then says that nothing arrived.
const SHARE_TARGET = 'share-target';
const SHARED_CACHE = 'cleancopy-shared';
const SHARED_KEY = 'shared-in';

async function receiveShared(request) {
  const scope = self.registration.scope;
  const key = new URL(SHARED_KEY, scope).href;
  try {
    const cache = await caches.open(SHARED_CACHE);
    await cache.delete(key);
    const form = await request.formData();
    await cache.put(key, new Response(form));
  } catch { /* nothing kept */ }
  return Response.redirect(new URL('./#shared', scope).href, 303);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method === 'POST' && url.href === new URL(SHARE_TARGET, self.registration.scope).href) {
    event.respondWith(receiveShared(request));
    return;
  }
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
