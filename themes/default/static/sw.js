// The portal's service worker: keeps the pages a reader opened, the
// stylesheets and scripts, and the search index parts already fetched, so
// that opened pages and searches over them work with no signal.
//
// Pages, styles and scripts are fetched from the network first and the saved
// copy is replaced each time, so a new build replaces stale files as soon as
// the reader is online; the search index parts have content-hashed names and
// never change, so they are served from the saved copy first. Each store
// keeps only its newest entries (LIMITS), to keep phones safe. Only requests
// to this portal are touched; nothing is sent anywhere else.
'use strict';
var VERSION = 'v1';
var PAGES = 'thidua-pages-' + VERSION;
var ASSETS = 'thidua-assets-' + VERSION;
var SEARCH = 'thidua-search-' + VERSION;
var LIMITS = {};
LIMITS[PAGES] = 60;
LIMITS[ASSETS] = 120;
LIMITS[SEARCH] = 300;
var BASE = new URL(self.registration.scope).pathname;
var OFFLINE = BASE + 'ngoai-tuyen/';

self.addEventListener('install', function (event) {
  event.waitUntil(
    Promise.all([
      caches.open(ASSETS).then(function (c) {
        return c.addAll([BASE + 'css/site.css', BASE + 'js/portal.js']);
      }),
      caches.open(PAGES).then(function (c) {
        return c.add(OFFLINE);
      }),
    ]).then(function () {
      return self.skipWaiting();
    }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (n) {
              return n.indexOf('thidua-') === 0 && !(n in LIMITS);
            })
            .map(function (n) {
              return caches.delete(n);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      })
      .then(keepOpenPages),
  );
});

/**
 * The page that registered the worker was loaded before the worker ran:
 * keep it (and any other open page of the portal) too, so that the first
 * page a reader opened is there offline like the next ones.
 */
function keepOpenPages() {
  return self.clients.matchAll({ type: 'window' }).then(function (windows) {
    return Promise.all(
      windows.map(function (w) {
        var url = new URL(w.url);
        if (url.origin !== self.location.origin || url.pathname.indexOf(BASE) !== 0) return null;
        var key = url.origin + url.pathname;
        return fetch(key)
          .then(function (res) {
            return res.ok ? keep(PAGES, key, res) : null;
          })
          .catch(function () {
            return null;
          });
      }),
    );
  });
}

/** Saves `response` under `key`, then drops the oldest entries over the limit. */
function keep(name, key, response) {
  return caches.open(name).then(function (cache) {
    return cache.put(key, response).then(function () {
      return cache.keys().then(function (keys) {
        var extra = keys.slice(0, Math.max(0, keys.length - LIMITS[name]));
        return Promise.all(
          extra.map(function (k) {
            return cache.delete(k);
          }),
        );
      });
    });
  });
}

function networkFirst(event, name, key, page) {
  return fetch(event.request)
    .then(function (res) {
      if (res.ok && res.type === 'basic') event.waitUntil(keep(name, key, res.clone()));
      return res;
    })
    .catch(function (err) {
      return caches.match(key, { cacheName: name }).then(function (hit) {
        if (hit) return hit;
        if (page) {
          return caches.match(OFFLINE, { cacheName: PAGES }).then(function (off) {
            if (off) return off;
            throw err;
          });
        }
        throw err;
      });
    });
}

function cacheFirst(event, name) {
  return caches.match(event.request, { cacheName: name }).then(function (hit) {
    return (
      hit ||
      fetch(event.request).then(function (res) {
        if (res.ok && res.type === 'basic') event.waitUntil(keep(name, event.request.url, res.clone()));
        return res;
      })
    );
  });
}

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf(BASE) !== 0) return;
  if (url.pathname.indexOf(BASE + '_search/') === 0) {
    event.respondWith(cacheFirst(event, SEARCH));
    return;
  }
  var page = req.mode === 'navigate' || (req.headers.get('accept') || '').indexOf('text/html') >= 0;
  if (page) {
    // A page is kept under its address without the query: the search page
    // reads its query in the browser, and one copy of it serves every query.
    event.respondWith(networkFirst(event, PAGES, url.origin + url.pathname, true));
  } else if (/\.(css|js|svg|webp|jpe?g|png)$/.test(url.pathname)) {
    // Attachments (PDF, DOCX) are not kept: they would fill a phone.
    event.respondWith(networkFirst(event, ASSETS, req.url, false));
  }
});
