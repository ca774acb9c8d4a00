// RaftLab's service worker: after the first visit, the app opens without
// a network (a class on a train, a lab with a flaky Wi-Fi). It keeps the
// files the page needs (index.html, wasm_exec.js, main.wasm and the
// Chinese fonts, which a page in Chinese fetches) in a cache named after
// the build's version, and answers the page's requests for them from it.
//
// etcd.wasm, the build with etcd's raft (?engine=etcd), is kept only once
// it is used: it is 6 MB more to download, for a choice most visitors
// never make. The worker caches it at install when a page of the site
// runs it (the visit that registers the worker was not served by it) or
// when the cache of the version it replaces had it, and otherwise as it
// answers the first page that asks for it.
//
// `make web` copies this file next to index.html and stamps VERSION (a
// hash of the files) and FONTS in: a new build is a new sw.js, which the
// browser installs at the next visit; it fills a cache of its own, takes
// over, and deletes the caches of older versions. index.html registers it
// on http(s) pages of a build made with `make dist` (see the Makefile).
"use strict";

const VERSION = "dev"; // stamped by make web
const FONTS = []; // stamped by make web: fonts/NAME.otf, ...
const CACHE = "raftlab-" + VERSION;
const FILES = ["index.html", "wasm_exec.js", "main.wasm", ...FONTS];
// ON_USE are the files kept once used, each with the ?engine= of a page
// that fetches it.
const ON_USE = { "etcd.wasm": "etcd" };

// url is a file's address next to this worker (the site may live in a
// folder of its host).
const url = (name) => new URL(name, self.registration.scope).href;

self.addEventListener("install", (event) => {
  // "no-cache": the host's HTTP cache may hold an older build; a
  // revalidation costs one round trip when it does not.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([...FILES, ...await used()].map((f) => new Request(url(f), { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

// used is the files of ON_USE a page of the site runs (etcd.wasm for a
// page with ?engine=etcd) or an older version's cache holds.
async function used() {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const engines = pages.map((p) => new URL(p.url).searchParams.get("engine"));
  const old = (await caches.keys()).filter((n) => n.startsWith("raftlab-") && n !== CACHE);
  const kept = [];
  for (const [f, engine] of Object.entries(ON_USE)) {
    let had = engines.includes(engine);
    for (const n of old) had = had || Boolean(await caches.match(url(f), { cacheName: n }));
    if (had) kept.push(f);
  }
  return kept;
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("raftlab-") && name !== CACHE) await caches.delete(name);
    }
    // The page of the first visit is served from the cache from now on
    // too (its fonts, a reload offline).
    await self.clients.claim();
  })());
});

// A page of the app (whatever its ?query: a scenario, a lesson, embed) is
// index.html; the other files are themselves. Anything else goes to the
// network as usual.
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const u = new URL(req.url);
  const scope = new URL(self.registration.scope);
  if (u.origin !== scope.origin || !u.pathname.startsWith(scope.pathname)) return;
  let name = u.pathname.slice(scope.pathname.length);
  if (req.mode === "navigate" && (name === "" || name === "index.html")) name = "index.html";
  if (Object.hasOwn(ON_USE, name)) {
    event.respondWith(keepOnUse(event, name));
    return;
  }
  if (!FILES.includes(name)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(url(name))) || fetch(req);
  })());
});

// keepOnUse answers a file of ON_USE from the cache, or from the network,
// keeping a copy for the next time (offline) while the page reads its own
// as it arrives (its download progress).
async function keepOnUse(event, name) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url(name));
  if (hit) return hit;
  const resp = await fetch(event.request);
  if (resp.ok) event.waitUntil(cache.put(url(name), resp.clone()));
  return resp;
}
