// RaftLab's service worker: after the first visit, the app opens without
// a network (a class on a train, a lab with a flaky Wi-Fi). It keeps the
// files the page needs (index.html, wasm_exec.js, main.wasm, the Chinese
// fonts, which a page in Chinese fetches, and etcd.wasm, the build with
// etcd's raft, which lesson 18 and ?engine=etcd run on) in a cache named
// after the build's version, and answers the page's requests for them
// from it. It fetches them all when it installs, after the first page has
// started: offline, a learner can reach any lesson of the course.
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
const FILES = ["index.html", "wasm_exec.js", "main.wasm", "etcd.wasm", ...FONTS];

// url is a file's address next to this worker (the site may live in a
// folder of its host).
const url = (name) => new URL(name, self.registration.scope).href;

self.addEventListener("install", (event) => {
  // "no-cache": the host's HTTP cache may hold an older build; a
  // revalidation costs one round trip when it does not.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((f) => new Request(url(f), { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

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
  if (!FILES.includes(name)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(url(name))) || fetch(req);
  })());
});
