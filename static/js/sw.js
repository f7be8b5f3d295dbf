// The kiosk's service worker: when the network drops, the kiosk keeps showing its
// last content, and never a browser error page. Served from /sw.js, scope "/".
//  - kiosk screens (/kiosk/...) and the snapshot: network first, else the last copy;
//  - pictograms, static files, read-aloud audio and photos: cache first, because
//    their URLs never change content (content hashes, OpenMoji codes, digests).
// Nothing else (admin, phone pages, any POST) is touched.
"use strict";

const VERSION = 1;
const PAGES = `schoolpoort-pages-v${VERSION}`;
const FILES = `schoolpoort-files-v${VERSION}`;
const LIMITS = { [PAGES]: 300, [FILES]: 800 };
const SNAPSHOT = "/api/v1/kiosk";
const OFFLINE_CARD = "/kiosk/offline";
// A Wi-Fi that is there but does not answer must not freeze the screen.
const PATIENCE_MS = 6000;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("schoolpoort-") && !(name in LIMITS)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

const isKioskPath = (path) => path === "/kiosk" || path.startsWith("/kiosk/");
const isFilePath = (path) => /^\/(static|pictograms|speech)\//.test(path);

/** "page", "snapshot", "file" or null (not ours: the browser fetches it as usual). */
function routeOf(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  if (url.pathname === SNAPSHOT) return "snapshot";
  if (isKioskPath(url.pathname)) return "page";
  if (isFilePath(url.pathname)) return "file";
  if (request.destination === "image" || request.destination === "audio") return "media";
  return null;
}

/** The cache key: the kiosk's name and health report are only a heartbeat, not content. */
function keyOf(address) {
  const url = new URL(address, self.location.origin);
  for (const name of ["kiosk", "offline", "screen", "clock", "loaded"]) url.searchParams.delete(name);
  url.hash = "";
  return url.href;
}

function cacheable(response) {
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

async function store(cacheName, key, response) {
  const cache = await caches.open(cacheName);
  await cache.put(key, response);
  const keys = await cache.keys();
  const surplus = keys.length - LIMITS[cacheName];
  for (let i = 0; i < surplus; i++) await cache.delete(keys[i]); // oldest first
}

async function lastCopy(key) {
  return caches.match(key, { cacheName: PAGES, ignoreVary: true });
}

/** The copy of a snapshot, marked so that kiosk.js knows it is not fresh. */
function markedOffline(response) {
  const headers = new Headers(response.headers);
  headers.set("X-Kiosk-Offline", "1");
  return new Response(response.body, { status: response.status, headers });
}

async function offlineAnswer(request, route) {
  if (route === "snapshot") {
    return new Response('{"error": "offline"}', {
      status: 503,
      headers: { "Content-Type": "application/json", "X-Kiosk-Offline": "1" },
    });
  }
  if (request.mode !== "navigate") return Response.error();
  // A screen never seen before: the offline card in the screen's language, or Dutch.
  const lang = new URL(request.url).searchParams.get("lang") || "nl";
  const card = (await lastCopy(keyOf(`${OFFLINE_CARD}?lang=${lang}`))) ||
    (await lastCopy(keyOf(`${OFFLINE_CARD}?lang=nl`)));
  if (card) return card;
  return new Response(
    '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="15">' +
    '<title>…</title><body style="background:#fdfbf7;display:grid;place-items:center;height:100vh;margin:0">' +
    '<img src="/pictograms/1F4F5.svg" width="200" height="200" alt="offline">',
    { headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}

async function networkFirst(request, route) {
  const key = keyOf(request.url);
  const network = fetch(request).then(async (response) => {
    if (cacheable(response)) await store(PAGES, key, response.clone());
    return response;
  });
  network.catch(() => {}); // when the copy answered first, a late failure is no news
  const patience = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS, null));
  let response = null;
  try {
    response = await Promise.race([network, patience]);
  } catch (offline) {
    response = null;
  }
  if (response && response.status < 500) return response;
  // Offline, too slow, or a server error: the last copy, if there is one.
  const copy = await lastCopy(key);
  if (copy) return route === "snapshot" ? markedOffline(copy) : copy;
  if (response) return response;
  try {
    return await network;
  } catch (offline) {
    return offlineAnswer(request, route);
  }
}

async function cacheFirst(address) {
  // Keyed by URL alone: a media element's Range header must not reach the cache.
  const hit = await caches.match(address, { cacheName: FILES, ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(address, { credentials: "same-origin" });
  if (cacheable(response)) await store(FILES, address, response.clone());
  return response;
}

async function fromKioskScreen(clientId) {
  const client = clientId && (await self.clients.get(clientId));
  return Boolean(client) && isKioskPath(new URL(client.url).pathname);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const route = routeOf(request);
  if (route === "page" || route === "snapshot") {
    event.respondWith(networkFirst(request, route));
  } else if (route === "file") {
    event.respondWith(cacheFirst(request.url));
  } else if (route === "media") {
    // Photos, wherever their capability serves them: cached for the kiosk screens only.
    event.respondWith(fromKioskScreen(event.clientId).then((kiosk) =>
      kiosk ? cacheFirst(request.url) : fetch(request)));
  }
});

// kiosk.js sends what the page it was loaded before this worker controlled it
// needs offline: the page, the snapshot, the offline card, its files. Pages are
// fetched only when missing; files are cache-first anyway.
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.warm) || [];
  const port = event.ports[0];
  event.waitUntil((async () => {
    await Promise.allSettled(urls.map(async (address) => {
      const url = new URL(address, self.location.origin);
      if (url.origin !== self.location.origin) return;
      if (url.pathname === SNAPSHOT || isKioskPath(url.pathname)) {
        const key = keyOf(url.href);
        if (await lastCopy(key)) return;
        const response = await fetch(url.href, { credentials: "same-origin" });
        if (cacheable(response)) await store(PAGES, key, response);
      } else {
        await cacheFirst(url.href);
      }
    }));
    if (port) port.postMessage("ready");
  })());
});
