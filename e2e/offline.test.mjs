// RaftLab on a course page and without a network: ?embed=1 in an iframe
// of a page, the build of make dist opening offline once visited (its
// service worker, wasm/sw.js), and the pause while the tab is hidden.
//
//   make e2e-browser     (builds build/web, build/dist and build/raftserve first)
//
// The offline test serves the dist folder ($RAFTLAB_DIST_DIR, else
// build/dist) with a plain static server of its own, as a course's host
// would, except that it sends the wasm builds gzip-compressed, as
// raftserve does: the worker must keep what the page is given.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, readFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import os from "node:os";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, call, root } from "./harness.mjs";

after(shutdown);

async function open(t, options = {}) {
  const b = await launch(options);
  t.after(() => b.context.close().catch(() => {}));
  return b;
}

// serveStatic serves the files of dir as a plain static host does (a file
// by its path, index.html for a folder), the wasm builds gzip-compressed.
async function serveStatic(dir, port = 0) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".otf": "font/otf" };
  const site = { down: false };
  const server = createServer((req, res) => {
    if (site.down) { req.socket.destroy(); return; } // the host is gone
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p.endsWith("/")) p += "index.html";
    const file = path.join(dir, path.normalize(p));
    if (!file.startsWith(dir) || !existsSync(file)) { res.writeHead(404).end(); return; }
    let body = readFileSync(file);
    const headers = { "Content-Type": types[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-cache" };
    if (file.endsWith(".wasm")) { body = gzipSync(body); headers["Content-Encoding"] = "gzip"; }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return Object.assign(site, { server, url: `http://127.0.0.1:${server.address().port}/` });
}

const distDir = process.env.RAFTLAB_DIST_DIR || path.join(root, "build", "dist");

test("the dist build opens offline once visited, from a cache named after its version", async (t) => {
  assert.ok(existsSync(path.join(distDir, "sw.js")), `${distDir} has the dist build (make dist)`);
  // A copy, served by a host the test can take away.
  const dir = mkdtempSync(path.join(os.tmpdir(), "raftlab-dist-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(distDir, dir, { recursive: true });
  const site = await serveStatic(dir);
  t.after(() => site.server.close());

  const { context, page, errors } = await open(t, { viewport: { width: 1024, height: 700 } });
  await page.goto(site.url + "?scenario=leader-crash");
  await firstFrame(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 90_000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const files = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname).sort()));
    return { names, files };
  });
  assert.equal(cached.names.length, 1, `one cache: ${cached.names}`);
  assert.match(cached.names[0], /^raftlab-[0-9a-f]{16}$/, "named after the build's version");
  assert.deepEqual(cached.files[0], ["/etcd.wasm", "/fonts/NotoSansSC-Bold.subset.otf", "/fonts/NotoSansSC-Regular.subset.otf", "/index.html", "/main.wasm", "/wasm_exec.js"]);

  // Offline, the host gone: the page reloads from the cache, runs, and a
  // page in Chinese gets its fonts.
  // (Only the host goes away: with the browser's own offline switch
  // turned on and off again, Chromium took minutes to check the worker
  // for an update afterwards.)
  site.down = true;
  site.server.closeAllConnections();
  await page.reload();
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined, "RaftLab started offline");
  const st = await page.evaluate(() => { window.raftlab.runFor(3000); return window.raftlab.state(); });
  assert.equal(st.name, "Leader crash and re-election");
  assert.ok(st.nodes.some((n) => n.up && n.role === "leader"), "a leader is elected");
  const zh = await context.newPage();
  await zh.goto(site.url + "?lang=zh-CN&embed=1");
  await firstFrame(zh);
  await waitFor("the Chinese fonts", async () => (await state(zh)).font === "ready", 60_000);
  await zh.screenshot({ path: path.join(shots, "offline-zh-embed.png") });
  await zh.close();

  // Lesson 18 runs on etcd's raft: offline too, the default build opens
  // it in the etcd build, from the cache.
  const etcd = await context.newPage();
  await etcd.goto(site.url + "?lesson=18", { waitUntil: "commit" });
  await etcd.waitForURL(/\?engine=etcd&lang=en&lesson=18$/, { timeout: 60_000 });
  await firstFrame(etcd);
  assert.equal(await etcd.evaluate(() => window.raftlab.error), undefined, "the etcd build started offline");
  const lesson = await state(etcd);
  assert.deepEqual([lesson.engine, lesson.lesson.number], ["etcd", 18]);
  await etcd.close();

  assert.deepEqual(errors, []);
});

test("?embed=1 in an iframe: the cluster and a play control, sized to the frame", async (t) => {
  // welcomed: false: the harness's script that marks the welcome card seen
  // reads localStorage, which the browser denies a frame of another site.
  const { page, errors, url } = await open(t, { viewport: { width: 900, height: 600 }, welcomed: false });
  const [fw, fh] = [560, 360];
  await page.setContent(`<!doctype html><html><body style="margin:0;padding:24px;background:#f4f1ea;font:16px serif">
    <h1 style="margin:0 0 12px">Week 3: leader election</h1>
    <p>Crash the leader and watch the others elect a new one.</p>
    <iframe src="${url}?embed=1&scenario=leader-crash" width="${fw}" height="${fh}" style="border:1px solid #999"></iframe>
    </body></html>`);
  const frame = await waitFor("the frame", async () => page.frames().find((f) => /embed=1/.test(f.url())));
  await frame.waitForFunction(() => window.raftlab?.ready === true || window.raftlab?.error, null, { timeout: 90_000 });
  assert.equal(await frame.evaluate(() => window.raftlab.error), undefined, "RaftLab started in the frame");

  const size = await frame.evaluate(() => [innerWidth, innerHeight, document.querySelector("canvas").getBoundingClientRect().toJSON()]);
  assert.deepEqual(size.slice(0, 2), [fw, fh], "the frame's size");
  assert.deepEqual([size[2].width, size[2].height], [fw, fh], "the canvas fills the frame");

  const lay = await frame.evaluate(() => window.raftlab.layout());
  const st = await frame.evaluate(() => window.raftlab.state());
  assert.equal(st.welcome, false, "no welcome card in a frame");
  assert.equal(st.name, "Leader crash and re-election");
  // layout() lists the feed's controls whether the feed shows or not:
  // here they have no room.
  const shown = lay.controls.filter((c) => c.w > 0 && c.h > 0);
  assert.deepEqual(shown.filter((c) => !c.name.startsWith("client-")).map((c) => c.name), ["play", "partition"],
    "the play control alone, and the cluster's own controls (the client panel, the partition tool)");
  assert.ok(lay.topBar.h < 40, `a slim strip: ${JSON.stringify(lay.topBar)}`);
  assert.equal(lay.timeline.w, 0, "no timeline");
  assert.equal(lay.nodes.length, 5);
  for (const b of [...lay.labels, ...shown]) {
    assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.w <= fw && b.y + b.h <= fh, `${b.name} inside the frame: ${JSON.stringify(b)}`);
  }

  // A click on a server opens its menu; the play control pauses.
  const s1 = lay.nodes[0];
  await waitFor("S1's menu", async () => {
    await frame.evaluate(([x, y]) => window.raftlab.click(x, y), [s1.x, s1.y]);
    return (await frame.evaluate(() => window.raftlab.state())).menu.length > 0;
  });
  const play = lay.controls.find((c) => c.name === "play");
  const box = await page.locator("iframe").boundingBox();
  await frame.evaluate(() => window.raftlab.click(1, 300)); // closes the menu
  const was = (await frame.evaluate(() => window.raftlab.state())).paused;
  await page.mouse.click(box.x + 1 + play.x + play.w / 2, box.y + 1 + play.y + play.h / 2, { delay: 300 });
  await waitFor("the play control to toggle", async () => (await frame.evaluate(() => window.raftlab.state())).paused !== was);

  await page.mouse.move(box.x + fw - 4, box.y + fh - 4); // no tooltip in the picture
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "embed-iframe.png") });
  assert.deepEqual(errors, []);
});

test("a hidden tab pauses the simulation, which says so when the tab is seen again", async (t) => {
  const { page, errors, url } = await open(t, { viewport: { width: 1024, height: 700 } });
  await page.goto(url);
  await firstFrame(page);
  const running = await state(page);
  assert.equal(running.paused, false, "the sandbox plays");
  const visibility = (v) => page.evaluate((v) => {
    Object.defineProperty(document, "visibilityState", { value: v, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  }, v);

  await visibility("hidden");
  const hidden = await waitFor("the pause", async () => { const s = await state(page); return s.paused && s; });
  assert.equal(await call(page, "status"), "", "nothing said while hidden");
  await page.waitForTimeout(500);
  assert.equal((await state(page)).nowMs, hidden.nowMs, "the simulation does not run on");

  await visibility("visible");
  const said = await waitFor("the status line", async () => { const s = await call(page, "status"); return s && s; });
  assert.equal(said, "Paused while the tab was hidden. Press play to go on.");
  await page.mouse.move(1000, 400); // no tooltip in the picture
  await page.screenshot({ path: path.join(shots, "hidden-return.png") });
  await page.waitForTimeout(500);
  const back = await state(page);
  assert.equal(back.paused, true, "it stays paused");
  assert.equal(back.nowMs, hidden.nowMs);
  assert.deepEqual(errors, []);
});
