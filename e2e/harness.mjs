// What the browser tests and the frame-rate benchmark share: where the
// repository is, how Chromium is started, and how raftserve is run. A
// module of its own, since importing a test file would run its tests.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// chromiumArgs are the flags that work for Debian's Chromium here:
// headless, no first-run or network side trips, WebGL on SwiftShader.
export const chromiumArgs = [
  "--headless", "--no-sandbox", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic",
  "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
];

// navigationTimeoutMs bounds a page load. The page's load event can take
// over 30 s (Playwright's default) on a busy 2-core machine compiling the
// wasm under software GL; the tests then wait for the first frame anyway.
export const navigationTimeoutMs = 120_000;

// startServer runs build/raftserve on a free port, serving dir (the
// browser build: build/web, or $RAFTLAB_WEB_DIR for a build of one's own,
// made by make web WEB=dir), and reads the URL from its log line.
export async function startServer(dir = process.env.RAFTLAB_WEB_DIR || path.join(root, "build", "web")) {
  const bin = path.join(root, "build", "raftserve");
  const proc = spawn(bin, ["-addr", "127.0.0.1:0", "-dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`raftserve printed no URL in 60 s: ${log}`)), 60_000);
    const read = (d) => {
      log += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(log);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    };
    proc.stdout.on("data", read);
    proc.stderr.on("data", read);
    proc.on("error", (e) => { clearTimeout(timer); reject(new Error(`cannot run ${bin} (make raftserve builds it): ${e.message}`)); });
    proc.on("exit", (code) => { clearTimeout(timer); reject(new Error(`raftserve exited with ${code}: ${log}`)); });
  });
  return { proc, url };
}

// shots is where the tests save their screenshots.
export const shots = path.join(root, "build", "e2e");
mkdirSync(shots, { recursive: true });

// firstFrame waits until the page has drawn its first frame, or says why
// it could not start.
export const firstFrame = (page) => page.waitForFunction(() => window.raftlab?.ready === true || window.raftlab?.error, null, { timeout: 90_000 });
export const state = (page) => page.evaluate(() => window.raftlab.state());
export const layout = (page) => page.evaluate(() => window.raftlab.layout());

// waitFor polls fn until it returns a truthy value, which it returns.
export async function waitFor(what, fn, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// seenWelcome makes a browser context a returning visitor's: the
// first-visit welcome card stays closed, as every test but the one about
// it expects. It runs before every page load, so it only writes
// preferences when there are none (a reload keeps a theme chosen).
export const seenWelcome = (context) =>
  context.addInitScript(() => {
    if (localStorage.getItem("raftlab.prefs") === null) localStorage.setItem("raftlab.prefs", JSON.stringify({ welcomed: true }));
  });

// watch collects what goes wrong on a page: console errors, uncaught
// exceptions and a crash. A test asserts the list is empty.
export function watch(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("crash", () => errors.push("the page crashed"));
  return errors;
}

// A test file starts one raftserve and one Chromium, on its first launch,
// and shares them: a Chromium took 1.2-1.6 s to start on this machine, a
// browser context 0.1 s. Chromium runs on a fresh user-data-dir that
// Playwright removes when it closes, and each context starts with empty
// storage: what a fresh profile gives a test.
//
// A context a test has closed is kept for the file's next launch with the
// same options, its storage emptied: what it keeps is its HTTP cache, and
// with it the compiled code of main.wasm (Chromium caches the code of a
// module it has compiled and optimised), which a fresh context compiles
// again, a second or more of every page load.
let server, browser;
const contexts = new Set();
// idle holds the contexts closed by their tests, by their options.
const idle = new Map();

// launch opens a browser context with options (viewport,
// deviceScaleFactor, locale...; welcomed: false for a first visit) and a
// page in it, which watch watches. url is the served build's address. The
// context closes at closeContexts or shutdown, or earlier by
// context.close().
export async function launch({ welcomed = true, ...options } = {}) {
  server ??= startServer();
  browser ??= chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: chromiumArgs });
  const [{ url }, b] = await Promise.all([server, browser]);
  const key = JSON.stringify([welcomed, options]);
  let context = idle.get(key)?.pop();
  if (!context) {
    context = await b.newContext(options);
    keep(context, key, welcomed);
    if (welcomed) await seenWelcome(context);
    context.setDefaultNavigationTimeout(navigationTimeoutMs);
  }
  contexts.add(context);
  const page = await context.newPage();
  await emptyStorage(context, page, url);
  return { context, page, errors: watch(page), url };
}

// keep makes a context's close put it aside for reuse, unless a test gave
// it something that outlasts its pages: a script of its own to run in
// every page, or a route.
function keep(context, key, welcomed) {
  const close = context.close.bind(context);
  let own = false;
  for (const name of ["addInitScript", "route", "exposeBinding", "exposeFunction"]) {
    const f = context[name].bind(context);
    context[name] = (...args) => {
      // The welcome script launch adds is the context's own.
      if (!(name === "addInitScript" && welcomed && !context.welcomeAdded)) own = true;
      else context.welcomeAdded = true;
      return f(...args);
    };
  }
  context.on("close", () => contexts.delete(context));
  context.close = async (...args) => {
    contexts.delete(context);
    if (own || !browser) return close(...args);
    for (const p of context.pages()) await p.close().catch(() => {});
    await context.clearPermissions().catch(() => {});
    await context.setOffline(false).catch(() => {});
    if (!idle.has(key)) idle.set(key, []);
    idle.get(key).push(context);
  };
  context.closeForGood = close;
}

// emptyStorage clears what a page of the context may have stored for the
// served site and any other it visited (local storage, IndexedDB, service
// workers and their caches, cookies): a reused context starts as a fresh
// one does, but for its HTTP cache.
async function emptyStorage(context, page, url) {
  context.origins ??= new Set();
  context.origins.add(new URL(url).origin);
  const cdp = await context.newCDPSession(page);
  for (const origin of context.origins) {
    await cdp.send("Storage.clearDataForOrigin", { origin, storageTypes: "cookies,file_systems,indexeddb,local_storage,websql,service_workers,cache_storage" });
  }
  await cdp.detach();
  page.on("framenavigated", (f) => {
    const o = new URL(f.url()).origin;
    if (o.startsWith("http")) context.origins.add(o);
  });
}

// closeContexts closes every context open: a finished test's page would
// go on simulating and take the CPU from the tests after it.
export async function closeContexts() {
  for (const c of [...contexts]) await c.close().catch(() => {});
}

// shutdown ends what launch started; a test file calls it after its tests.
export async function shutdown() {
  await closeContexts();
  for (const cs of idle.values()) for (const c of cs) await c.closeForGood().catch(() => {});
  idle.clear();
  await (await browser?.catch(() => null))?.close().catch(() => {});
  (await server?.catch(() => null))?.proc.kill();
}

// center is the middle of a box of layout().
export const center = (b) => [b.x + b.w / 2, b.y + b.h / 2];

// click presses the mouse at (x, y) long enough for the game to see the
// press in a tick even at a few frames a second, then releases it.
export async function click(page, x, y) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(300);
  await page.mouse.up();
  await page.waitForTimeout(50);
}

// openMenu clicks at (x, y) until the menu that opens has the item wanted
// (a message passing by can take the click), and returns the item's box.
export async function openMenu(page, x, y, item) {
  for (let attempt = 0; attempt < 6; attempt++) {
    await click(page, x, y);
    const box = await waitFor(`menu item ${item}`, async () => (await layout(page)).menu.find((m) => m.name === item), 3_000).catch(() => null);
    if (box) return box;
    await page.keyboard.press("Escape");
    await page.waitForTimeout(250);
  }
  throw new Error(`clicking at (${x}, ${y}) did not open a menu with ${item}`);
}


// call runs a window.raftlab function, retrying while the page is busy
// drawing a frame.
export async function call(page, fn, args = []) {
  for (let i = 0; i < 200; i++) {
    const r = await page.evaluate(([fn, args]) => window.raftlab[fn](...args), [fn, args]);
    if (!(r && typeof r === "object" && "error" in r && /busy/.test(r.error))) return r;
    await page.waitForTimeout(50);
  }
  throw new Error(`the page stayed busy: ${fn} was not called`);
}
