/* Solmu's service worker (served as /sw.js). The build replaces the two placeholders below with
 * the app shell (index.html, the entry's JavaScript and CSS, the manifest and icons) and a version
 * made from their hashed names, so a new build installs a new cache and drops the old one.
 *
 * - The shell is cached at install: the log page opens with no connection, and the outbox keeps
 *   what is logged until the connection returns.
 * - Pages (navigations): the network first, the cached index.html when offline (the app routes in
 *   the browser, so any path opens from it).
 * - /assets/* (hashed, never change): the cache first; a lazily loaded page is cached when first used.
 * - /api/* and other origins are never touched: answers about people are not kept by this worker.
 */
const SHELL = self.__SOLMU_SHELL__;
const CACHE = 'solmu-' + self.__SOLMU_VERSION__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all([
          cache.addAll(SHELL.filter((path) => path !== '/index.html')),
          // The server answers the page itself only to a request that accepts HTML (its SPA fallback).
          fetch('/', { headers: { Accept: 'text/html' } }).then((page) => {
            if (!page.ok) throw new Error(`index.html: ${page.status}`);
            return cache.put('/index.html', page);
          }),
        ]),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('solmu-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE })));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request, { cacheName: CACHE }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(() => caches.match(url.pathname, { cacheName: CACHE })));
  }
});
