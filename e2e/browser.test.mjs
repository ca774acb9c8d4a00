// The browser end-to-end test: RaftLab's WebAssembly build served by
// raftserve, in headless Chromium driven by playwright-core. It clicks on
// real screen positions (window.raftlab.layout()) and checks the real state
// (window.raftlab.state()). Screenshots of every stage go to build/e2e/.
//
//   make e2e-browser     (builds build/web and build/raftserve first)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, center, call, click, openMenu } from "./harness.mjs";

after(shutdown);

// open launches a page, at 1280x800 unless options say otherwise, for
// test t: it closes when t ends, so that a finished test's page does not
// keep simulating (and taking the CPU from the tests after it).
async function open(t, options = {}) {
  const b = await launch({ viewport: { width: 1280, height: 800 }, ...options });
  t.after(() => b.context.close().catch(() => {}));
  return b;
}

// shot saves a screenshot, with the pointer moved off the playground so that
// no tooltip covers it.
async function shot(page, name) {
  const vp = page.viewportSize();
  await page.mouse.move(vp.width - 2, vp.height / 2);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(shots, name) });
}


async function clickControl(page, name) {
  const b = (await layout(page)).controls.find((c) => c.name === name);
  assert.ok(b, `control ${name} is on screen`);
  await click(page, ...center(b));
}

// pressUntil clicks a control until check(state) holds: a click the game
// misses (the page is busy) is retried, one it took is not repeated.
async function pressUntil(page, name, what, check, tries = 3) {
  for (let i = 0; i < tries; i++) {
    await clickControl(page, name);
    const st = await waitFor(what, async () => { const s = await state(page); return check(s) && s; }, 4_000).catch(() => null);
    if (st) return st;
  }
  throw new Error(`clicking ${name} ${tries} times did not lead to ${what}`);
}

const leaderOf = (st) => st.nodes.find((n) => n.up && n.role === "leader");

test("the playground in the browser", async (t) => {
  const { page, errors, url } = await open(t);
  const started = Date.now();
  await page.goto(url);

  let crashed, leaderSeenMs, beforeCrashMs;

  await t.test("loads with real download progress, fills the window and draws", async () => {
    await firstFrame(page);
    assert.equal(await page.evaluate(() => window.raftlab.error), undefined);
    console.log(`  first frame ${Date.now() - started} ms after navigation (readyMs ${Math.round(await page.evaluate(() => window.raftlab.readyMs))})`);
    const load = await page.evaluate(() => window.raftlabLoad);
    assert.ok(load.done, "the download finished");
    assert.ok(load.total > 1_000_000, `the server sent the raw size (X-Raw-Size): ${load.total}`);
    assert.equal(load.loaded, load.total, "progress counted every uncompressed byte");
    const overlayShown = await page.evaluate(() => getComputedStyle(document.getElementById("overlay")).display !== "none");
    assert.equal(overlayShown, false, "the loading screen is gone");
    const c = await page.evaluate(() => {
      const cv = document.querySelector("canvas");
      return { cw: cv.clientWidth, ch: cv.clientHeight, w: cv.width, h: cv.height, iw: innerWidth, ih: innerHeight, dpr: devicePixelRatio,
        scroll: document.documentElement.scrollHeight };
    });
    assert.deepEqual([c.cw, c.ch], [c.iw, c.ih], "the canvas fills the window");
    assert.deepEqual([c.w, c.h], [Math.floor(c.iw * c.dpr), Math.floor(c.ih * c.dpr)], "the canvas has a pixel per device pixel");
    assert.equal(c.scroll, c.ih, "no scrolling");
    const lay = await layout(page);
    assert.equal(lay.nodes.length, 5, "the sandbox has five nodes");
    assert.ok(await page.evaluate(() => window.raftlab.frames()) > 0);
    await shot(page, "01-loaded.png");
  });

  await t.test("speeds up to real time", async () => {
    let st = await state(page);
    assert.notEqual(st.speed, "1x", "the default speed is slower than real time");
    for (let i = 0; i < 12 && st.speed !== "1x"; i++) {
      const was = st.speed;
      st = await pressUntil(page, "faster", `a speed above ${was}`, (s) => s.speed !== was);
    }
    assert.equal(st.speed, "1x");
    assert.equal(st.paused, false);
  });

  await t.test("elects a leader", async () => {
    const st = await waitFor("a leader", async () => { const s = await state(page); return leaderOf(s) && s; });
    assert.equal(st.violations.length, 0);
    leaderSeenMs = st.nowMs;
    await shot(page, "02-leader.png");
  });

  await t.test("crashing the leader from its menu greys it and a new leader is elected", async () => {
    const old = leaderOf(await state(page));
    const spot = (await layout(page)).nodes.find((n) => n.id === old.id);
    const item = await openMenu(page, spot.x, spot.y, "menu-crash");
    assert.equal((await state(page)).selected, old.id, "the node is selected");
    await shot(page, "03-node-menu.png");
    beforeCrashMs = (await state(page)).nowMs;
    await click(page, ...center(item));
    const st = await waitFor(`S${old.id} down`, async () => { const s = await state(page); return !s.nodes.find((n) => n.id === old.id).up && s; }, 10_000);
    assert.equal(st.nodes.find((n) => n.id === old.id).role, "down");
    crashed = old.id;
    const next = await waitFor("a new leader", async () => leaderOf(await state(page)));
    assert.notEqual(next.id, crashed);
    assert.ok(next.term > old.term, `the new leader's term ${next.term} is above ${old.term}`);
    await page.waitForTimeout(300);
    await shot(page, "04-crashed-new-leader.png");
  });

  await t.test("a client write reaches every live node's log and commits", async () => {
    // Deselect the crashed node (a write goes to the selected node):
    // click on empty ground in the middle of the ring.
    const nodes = (await layout(page)).nodes;
    const cx = nodes.reduce((a, n) => a + n.x, 0) / nodes.length;
    const cy = nodes.reduce((a, n) => a + n.y, 0) / nodes.length;
    await click(page, cx, cy);
    await waitFor("no selection", async () => (await state(page)).selected === 0, 5_000);

    await pressUntil(page, "write", "a client call", (s) => s.history.some((h) => h.op === "put"));
    const st = await waitFor("the write committed on every live node", async () => {
      const s = await state(page);
      const leader = leaderOf(s);
      const entry = leader?.log.find((e) => e.kind === "normal" && e.data === "put x=1");
      if (!entry) return false;
      const live = s.nodes.filter((n) => n.up);
      const everywhere = live.every((n) => n.log.some((e) => e.index === entry.index && e.term === entry.term && e.data === entry.data) && n.commitIndex >= entry.index);
      return everywhere && { s, entry };
    });
    assert.equal(st.s.nodes.filter((n) => n.up).length, 4);
    const call = st.s.history.find((h) => h.op === "put" && h.key === "x" && h.value === "1");
    assert.ok(call, "the client's call is in the history");
    await page.waitForTimeout(300);
    await shot(page, "05-write-committed.png");
  });

  await t.test("cutting a link from its menu cuts it both ways", async () => {
    const st = await state(page);
    const up = new Set(st.nodes.filter((n) => n.up).map((n) => n.id));
    const link = (await layout(page)).links.find((l) => up.has(l.a) && up.has(l.b));
    const item = await openMenu(page, link.x, link.y, "menu-cut-both");
    await click(page, ...center(item));
    const cuts = await waitFor(`S${link.a}-S${link.b} cut`, async () => {
      const c = (await state(page)).network.cuts;
      const has = (a, b) => c.some(([x, y]) => x === a && y === b);
      return has(link.a, link.b) && has(link.b, link.a) && c;
    }, 10_000);
    assert.equal(cuts.length, 2, "only that link");
    await page.waitForTimeout(300);
    await shot(page, "06-link-cut.png");
  });

  await t.test("a click on the timeline travels back in time", async () => {
    const now = (await pressUntil(page, "play", "paused", (s) => s.paused)).nowMs;
    assert.ok(now > beforeCrashMs);
    const tl = (await layout(page)).timeline;
    // The track maps [0, span] onto its width; span is the game's to
    // choose, so one click measures it (the pointer lands on whole pixels).
    const x1 = Math.round(tl.x + tl.w * 0.25);
    await click(page, x1, tl.y + tl.h / 2);
    const t1 = (await waitFor("an earlier moment", async () => { const s = await state(page); return s.nowMs < now && s; }, 5_000)).nowMs;
    const span = t1 / ((x1 - tl.x) / tl.w);
    // Then back to when the crashed node still led: between its election
    // and the crash.
    const target = (leaderSeenMs + beforeCrashMs) / 2;
    await click(page, Math.round(tl.x + tl.w * target / span), tl.y + tl.h / 2);
    const st = await waitFor("the moment before the crash", async () => { const s = await state(page); return s.nowMs !== t1 && s; }, 5_000);
    console.log(`  timeline: span ${Math.round(span)} ms; leader seen at ${leaderSeenMs} ms, crash at ${beforeCrashMs} ms, now ${now} ms; travelled to ${st.nowMs} ms`);
    assert.ok(st.nowMs >= leaderSeenMs - 50 && st.nowMs < beforeCrashMs, `now ${st.nowMs} ms is between the election (${leaderSeenMs} ms) and the crash (${beforeCrashMs} ms)`);
    const node = st.nodes.find((n) => n.id === crashed);
    assert.equal(node.up, true, `S${crashed} is up again before its crash`);
    assert.equal(node.role, "leader", `and leads again`);
    assert.deepEqual(st.network.cuts, [], "and the link is not cut yet");
    assert.ok(!st.nodes.some((n) => n.log.some((e) => e.data === "put x=1")), "and the write has not happened");
    await page.waitForTimeout(300);
    await shot(page, "07-timeline-back.png");
  });

  assert.deepEqual(errors, [], "no console errors");
});

test("a bundled scenario loads, and the playground follows the window's size", async (t) => {
  const { page, errors, url } = await open(t);
  await page.goto(url + "?scenario=figure7");
  await firstFrame(page);
  const st = await state(page);
  assert.equal(st.nodes.length, 7);
  assert.match(st.name, /Figure 7/i);
  const before = await layout(page);
  await page.setViewportSize({ width: 960, height: 640 });
  const after = await waitFor("a new layout", async () => { const l = await layout(page); return l.timeline.w !== before.timeline.w && l; }, 10_000);
  assert.ok(after.timeline.w < 960 && after.timeline.w > 900, `the timeline spans the new width: ${after.timeline.w}`);
  assert.ok(after.nodes.every((n) => n.x > 0 && n.x < 960 && n.y > 0 && n.y < 640), "every node is inside the window");
  const c = await page.evaluate(() => [document.querySelector("canvas").clientWidth, document.querySelector("canvas").clientHeight]);
  assert.deepEqual(c, [960, 640]);
  await page.waitForTimeout(300);
  await shot(page, "08-figure7-resized.png");
  assert.deepEqual(errors, []);
});

test("crisp on a high-DPI screen: a canvas pixel per device pixel", async (t) => {
  const { page, errors, url } = await open(t, { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  await page.goto(url);
  await page.waitForFunction(() => window.raftlab?.ready === true, null, { timeout: 90_000 });
  const c = await page.evaluate(() => { const cv = document.querySelector("canvas"); return [cv.width, cv.height, cv.clientWidth, cv.clientHeight]; });
  assert.deepEqual(c, [1600, 1200, 800, 600]);
  const lay = await layout(page);
  assert.equal(lay.scale, 2, "the game draws at the device scale");
  assert.ok(lay.timeline.x + lay.timeline.w <= 800, "layout() is in CSS pixels");
  await shot(page, "09-hidpi.png");
  assert.deepEqual(errors, []);
});

test("a bad scenario name is a readable banner on the page, and the sandbox runs", async (t) => {
  const { page, errors, url } = await open(t);
  await page.goto(url + "?scenario=nope");
  await firstFrame(page);
  const text = await page.locator("#notice").innerText();
  assert.match(text, /no bundled scenario named "nope" \(have: .*figure7/);
  assert.ok(await page.locator("#notice").isVisible());
  assert.equal(await page.evaluate(() => window.raftlab.ready), true);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined);
  const st = await page.evaluate(() => { window.raftlab.runFor(5000); return window.raftlab.state(); });
  assert.equal(st.name, "Sandbox");
  assert.ok(leaderOf(st), "a leader is elected");
  await shot(page, "10-bad-scenario.png");
  assert.deepEqual(errors, [], "a bad link is no crash");
});

test("a wasm that fails to load is a readable error on the page", async (t) => {
  const { page, url } = await open(t);
  await page.route("**/main.wasm", (route) => route.fulfill({ status: 404, body: "not here" }));
  await page.goto(url);
  await page.waitForFunction(() => window.raftlab?.error, null, { timeout: 30_000 });
  const text = await page.locator("#error").innerText();
  assert.match(text, /could not download main\.wasm: the server answered 404/);
  await shot(page, "11-wasm-404.png");
});

// controlBox finds a control, scrolling the lesson panel down (the wheel
// over the panel) when it is below the panel's fold.
async function controlBox(page, name, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const lay = await layout(page);
    const b = lay.controls.find((c) => c.name === name);
    if (b) return b;
    if (Date.now() > end) throw new Error(`control ${name} is not on screen: ${lay.controls.map((c) => c.name).join(", ")}`);
    const close = lay.controls.find((c) => c.name === "lesson-close");
    if (close) {
      await page.mouse.move(close.x + close.w / 2, close.y - 150);
      await page.mouse.wheel(0, 120);
    }
    await page.waitForTimeout(300);
  }
}

test("lesson 3 in the browser: every step by clicking, to the end", async (t) => {
  const { page, errors, url } = await open(t);
  const started = Date.now();
  const lessonOf = async () => (await state(page)).lesson;
  await page.goto(url);
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined);

  // Real time: each step starts at its lesson's speed, which the learner
  // may raise, as this test does (1x), so that a software-rendered page
  // gets through the lesson in minutes. Faster is pressed through the
  // game's own hit-testing (window.raftlab.click), which takes a press at
  // once: five held mouse presses a step cost 5 s or more, and the mouse's
  // way to Faster is the first test's.
  const fullSpeed = async () => {
    let st = await state(page);
    for (let i = 0; i < 12 && st.speed !== "1x"; i++) {
      const was = st.speed;
      const b = (await layout(page)).controls.find((c) => c.name === "faster");
      assert.ok(b, "control faster is on screen");
      assert.equal(await call(page, "click", center(b)), true, "Faster clicked");
      st = await waitFor(`a speed above ${was}`, async () => { const s = await state(page); return s.speed !== was && s; }, 4_000);
    }
    assert.equal(st.speed, "1x");
  };
  let st = await state(page);
  assert.equal(st.lesson, null, "no lesson panel yet");

  await pressUntil(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
  await controlBox(page, "lesson-open-3");
  st = await pressUntil(page, "lesson-open-3", "lesson 3", (s) => s.lesson?.number === 3);
  assert.deepEqual([st.lesson.step, st.lesson.steps, st.lesson.kind], [1, 8, "watch"]);
  assert.equal(st.nodes.length, 5);
  await shot(page, "lesson-3-step-1.png");

  const kinds = [];
  for (let step = 1; step <= 8; step++) {
    const les = await lessonOf();
    assert.equal(les.step, step, `on step ${step}`);
    kinds.push(les.kind);
    const t0 = Date.now();
    assert.notEqual((await state(page)).speed, "1x", `step ${step} starts at its lesson's speed`);
    await fullSpeed();
    if (les.kind === "watch") {
      await pressUntil(page, "play", "playing", (s) => !s.paused || s.lesson.done);
    } else if (les.kind === "predict") {
      await controlBox(page, "lesson-choice-1");
      await pressUntil(page, "lesson-choice-1", "an answer", (s) => s.lesson.answered);
      if (step === 2) await shot(page, "lesson-3-predict.png");
    } else if (les.kind === "do" && step === 4) {
      // Crash the leader: click it, then Crash from its menu.
      const leader = await waitFor("a leader", async () => leaderOf(await state(page)), 10_000);
      const spot = (await layout(page)).nodes.find((n) => n.id === leader.id);
      const item = await openMenu(page, spot.x, spot.y, "menu-crash");
      await shot(page, "lesson-3-do.png");
      await click(page, ...center(item));
      await waitFor(`S${leader.id} down`, async () => !(await state(page)).nodes.find((n) => n.id === leader.id).up, 10_000);
    } else if (les.kind === "do" && step === 8) {
      // Bring it back: click a crashed server, then Restart.
      const down = (await state(page)).nodes.filter((n) => !n.up);
      assert.ok(down.length >= 3, `three servers are down: ${down.map((n) => n.id)}`);
      const spot = (await layout(page)).nodes.find((n) => n.id === down[0].id);
      const item = await openMenu(page, spot.x, spot.y, "menu-restart");
      await shot(page, "lesson-3-do-restart.png");
      await click(page, ...center(item));
      await waitFor(`S${down[0].id} up`, async () => (await state(page)).nodes.find((n) => n.id === down[0].id).up, 10_000);
    } else {
      assert.fail(`unexpected step ${step}: ${les.kind}`);
    }
    const done = await waitFor(`step ${step} done`, async () => { const s = await state(page); return s.lesson.done && s; }, 60_000);
    assert.equal(done.lesson.step, step);
    assert.equal(done.violations.length, 0, "no safety violations");
    if (les.kind === "do") assert.ok(leaderOf(done), "the cluster has a leader again");
    console.log(`  step ${step} (${les.kind}) done in ${Date.now() - t0} ms, at ${done.nowMs} ms simulated`);
    await controlBox(page, "lesson-next");
    if (step === 4) await shot(page, "lesson-3-do-done.png");
    if (step < 8) {
      await pressUntil(page, "lesson-next", `step ${step + 1}`, (s) => s.lesson?.step === step + 1);
    }
  }
  assert.deepEqual(kinds, ["watch", "predict", "predict", "do", "predict", "predict", "predict", "do"]);
  assert.equal((await lessonOf()).last, true);
  await shot(page, "lesson-3-end.png");
  st = await pressUntil(page, "lesson-next", "the lesson over, back to the list", (s) => s.lesson?.number === 0);
  assert.deepEqual(st.lesson.progress, [{ name: "03-leader-election", step: 8, furthest: 8, finished: true }]);
  await shot(page, "lesson-3-finished.png");
  console.log(`  lesson 3 walked through in ${Date.now() - started} ms`);

  // The progress outlives the page: after a reload, the list remembers.
  await page.reload();
  await firstFrame(page);
  st = await pressUntil(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
  assert.deepEqual(st.lesson.progress, [{ name: "03-leader-election", step: 8, furthest: 8, finished: true }], "remembered across a reload");
  assert.deepEqual(errors, [], "no console errors");
});

test("lesson progress: a lesson opens where the learner left it", async (t) => {
  const { page, errors, url } = await open(t);
  await page.goto(url);
  await firstFrame(page);
  // As if an earlier visit had reached step 5 and gone back to step 4.
  await page.evaluate(() => localStorage.setItem("raftlab.lessonProgress", JSON.stringify({ lessons: [{ name: "06-log-repair", step: 4, furthest: 5 }] })));
  await page.reload();
  await firstFrame(page);
  let st = await pressUntil(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
  assert.deepEqual(st.lesson.progress, [{ name: "06-log-repair", step: 4, furthest: 5 }]);
  await shot(page, "lesson-list-progress.png");
  await controlBox(page, "lesson-open-6");
  st = await pressUntil(page, "lesson-open-6", "lesson 6", (s) => s.lesson?.number === 6);
  assert.equal(st.lesson.step, 4, "resumed at step 4");
  await controlBox(page, "lesson-back");
  st = await pressUntil(page, "lesson-back", "step 3", (s) => s.lesson?.step === 3);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("raftlab.lessonProgress")));
  assert.deepEqual(saved, { lessons: [{ name: "06-log-repair", step: 3, furthest: 5 }] });

  // Saved progress that makes no sense is said on the panel, and the
  // lessons still open from the start.
  await page.evaluate(() => localStorage.setItem("raftlab.lessonProgress", "{not json"));
  await page.reload();
  await firstFrame(page);
  st = await pressUntil(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
  assert.deepEqual(st.lesson.progress, []);
  await shot(page, "lesson-list-bad-progress.png");

  // A teacher's link opens a lesson at a step; a wrong one says what
  // exists, and the sandbox runs.
  await page.goto(url + "?lesson=6&step=2");
  await firstFrame(page);
  st = await state(page);
  assert.deepEqual([st.lesson.number, st.lesson.step], [6, 2]);
  await page.goto(url + "?lesson=99");
  await firstFrame(page);
  assert.match(await page.locator("#notice").innerText(), /there is no lesson 99 \(the lessons are numbered 1 to 19\)/);
  assert.equal(await page.evaluate(() => window.raftlab.ready), true);
  st = await page.evaluate(() => { window.raftlab.runFor(5000); return window.raftlab.state(); });
  assert.equal(st.lesson, null, "no lesson open");
  assert.ok(leaderOf(st), "a leader is elected");
  assert.deepEqual(errors, [], "no console errors");
});

// Dropping a file on the page cannot be tested here: Ebiten reads dropped
// files through the drag's file system (webkitGetAsEntry), which a
// synthetic DataTransfer does not have. The desktop and Go tests cover
// loading a dropped file's bytes.
test("Save downloads the session as a scenario file, and Open loads one", async (t) => {
  const { page, errors, url } = await open(t, { acceptDownloads: true });
  await page.goto(url + "?scenario=leader-crash");
  await firstFrame(page);
  let st = await state(page);
  assert.equal(st.name, "Leader crash and re-election");

  await clickControl(page, "save");
  const item = await waitFor("the save menu", async () => (await layout(page)).menu.find((m) => m.name === "scenario"), 10_000);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), click(page, ...center(item))]);
  const saved = path.join(shots, "saved-scenario.json");
  await download.saveAs(saved);
  assert.match(download.suggestedFilename(), /\.json$/);
  const sc = JSON.parse(readFileSync(saved, "utf8"));
  assert.equal(sc.name, "Leader crash and re-election");
  assert.equal(sc.nodes, 5);
  assert.ok(Array.isArray(sc.steps) && sc.steps.some((s) => s.do === "crash"), "the saved scenario replays the crash");

  // A fresh page: the sandbox, then Open the saved file.
  await page.goto(url);
  await firstFrame(page);
  assert.equal((await state(page)).name, "Sandbox");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 20_000 }), clickControl(page, "open")]);
  await chooser.setFiles(saved);
  st = await waitFor("the saved scenario loaded", async () => { const s = await state(page); return s.name === sc.name && s; }, 20_000);
  assert.equal(st.nodes.length, 5);

  // A broken file is refused with a message; the playground stays.
  const bad = path.join(shots, "broken-scenario.json");
  writeFileSync(bad, '{"name": "broken", "nodes": 12}');
  const [again] = await Promise.all([page.waitForEvent("filechooser", { timeout: 20_000 }), clickControl(page, "open")]);
  await again.setFiles(bad);
  await page.waitForTimeout(1500);
  assert.equal((await state(page)).name, sc.name, "the broken file did not replace the playground");
  await shot(page, "open-broken-file.png");
  assert.deepEqual(errors, [], "no console errors");
});
