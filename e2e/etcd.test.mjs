// The etcd build in the browser: ?engine=etcd fetches etcd.wasm (RaftLab
// with etcd's raft as a second engine) instead of main.wasm, and the
// sandbox runs on etcd's raft: a crashed leader is replaced by a new one,
// and a voter's menu offers to replace it in one joint change (ConfChangeV2),
// which etcd's engine alone makes; the session's share link opens in the
// etcd build. Lesson 18, which runs on etcd's raft, opens in the etcd
// build from the default one, and plays there. The screenshots go to
// build/e2e/etcd-joint.png and etcd-lesson18.png.
//
//   make web raftserve dist, then node --test e2e/etcd.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, center, call, click, openMenu } from "./harness.mjs";

after(shutdown);

// runUntil runs the simulation ahead stepMs virtual milliseconds at a
// time (window.raftlab.runFor) until check(state) holds, and returns that
// state: at the default 1/50x an election takes seconds of real time.
async function runUntil(page, what, check, stepMs = 20, timeoutMs = 10_000) {
  return waitFor(what, async () => {
    await call(page, "runFor", [stepMs]);
    const s = await state(page);
    return check(s) && s;
  }, timeoutMs);
}

const leaderOf = (st) => st.nodes.find((n) => n.up && n.role === "leader");
const membersOf = (st, id) => [...st.nodes.find((n) => n.id === id).members].sort((a, b) => a - b);

test("the etcd build: etcd.wasm, a new leader after a crash, a joint change", async (t) => {
  const { context, page, errors, url } = await launch({ viewport: { width: 1280, height: 800 } });
  t.after(() => context.close().catch(() => {}));
  const fetched = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) fetched.push(new URL(r.url()).pathname); });
  const started = Date.now();
  await page.goto(url + "?engine=etcd");
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined);
  console.log(`  first frame ${Date.now() - started} ms after navigation`);

  // The page chose the build before fetching: etcd.wasm alone, counted
  // to its last byte, and said so while it loaded.
  assert.deepEqual(fetched, ["/etcd.wasm"]);
  const load = await page.evaluate(() => window.raftlabLoad);
  assert.equal(load.file, "etcd.wasm");
  assert.ok(load.done && load.total > 20_000_000, `the raw size came with it: ${load.total}`);
  assert.equal(load.loaded, load.total);
  assert.equal(await page.evaluate(() => document.getElementById("engine")?.textContent), "Loading the build with etcd's raft (a larger download)");

  // Crash the leader from its menu; the others elect a new one.
  const first = leaderOf(await runUntil(page, "a leader", leaderOf, 100));
  const spot = (await layout(page)).nodes.find((n) => n.id === first.id);
  const crash = await openMenu(page, spot.x, spot.y, "menu-crash");
  await click(page, ...center(crash));
  await waitFor(`S${first.id} down`, async () => !(await state(page)).nodes.find((n) => n.id === first.id).up, 10_000);
  const next = leaderOf(await runUntil(page, "a new leader", (s) => leaderOf(s) && leaderOf(s).id !== first.id, 50));
  assert.ok(next.term > first.term, `the new leader's term ${next.term} is above ${first.term}`);

  // Replace a follower with S6 in one joint change, from its menu (offered
  // only on an engine that makes joint changes: this is etcd's).
  const st = await state(page);
  const old = st.nodes.find((n) => n.up && n.id !== next.id && n.role === "follower");
  const fresh = 6;
  const at = (await layout(page)).nodes.find((n) => n.id === old.id);
  const replace = await openMenu(page, at.x, at.y, "menu-replace");
  await click(page, ...center(replace));
  // Joint: the leader's configuration has the old voters and the new,
  // S6 and the server it replaces both among them.
  const joint = await runUntil(page, "a joint configuration", (s) => {
    const m = leaderOf(s) && membersOf(s, leaderOf(s).id);
    return m && m.includes(fresh) && m.includes(old.id);
  }, 5);
  console.log(`  joint configuration at ${joint.nowMs} ms: ${membersOf(joint, leaderOf(joint).id).map((id) => "S" + id).join(" ")}`);
  const vp = page.viewportSize();
  await page.mouse.move(vp.width - 2, vp.height / 2);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(shots, "etcd-joint.png") });

  // Done: S6 a voter, the replaced server gone from the configuration.
  const want = [1, 2, 3, 4, 5, 6].filter((id) => id !== old.id);
  const done = await runUntil(page, "the joint change done", (s) => {
    const l = leaderOf(s);
    return l && JSON.stringify(membersOf(s, l.id)) === JSON.stringify(want);
  }, 20);
  assert.ok(done.nodes.find((n) => n.id === fresh), "S6 is in the cluster");
  assert.equal(done.violations.length, 0);

  // Its share link says its build. One that does not (made before links
  // did), opened in the default build, moves itself to the etcd build.
  await page.evaluate(() => { delete window.raftlab.link; });
  const share = (await layout(page)).controls.find((c) => c.name === "share");
  await page.evaluate(([x, y]) => window.raftlab.click(x, y), center(share));
  const link = await waitFor("the link", () => page.evaluate(() => window.raftlab.link));
  assert.match(link, /\/\?engine=etcd#/);
  fetched.length = 0;
  await page.goto(link.replace("?engine=etcd", ""), { waitUntil: "commit" });
  await page.waitForURL(/\?engine=etcd#/, { timeout: 60_000 });
  await firstFrame(page);
  assert.deepEqual(fetched, ["/main.wasm", "/etcd.wasm"]);
  const reopened = await state(page);
  assert.deepEqual(membersOf(reopened, leaderOf(done).id), want, "the session, S6 and all");
  assert.deepEqual(errors, []);
});

// Lesson 18 (etcd under the hood) runs on etcd's raft. Asked for in the
// default build, the page goes on in the etcd build at
// ?engine=etcd&lang=en&lesson=18&step=2, with no banner, and the step
// plays there on etcd's engine.
// A lesson on RaftLab's engine opened in the etcd build runs on RaftLab's.
// The screenshot goes to build/e2e/etcd-lesson18.png.
test("lesson 18 opens in the etcd build and plays on etcd's raft", async (t) => {
  const { context, page, errors, url } = await launch({ viewport: { width: 1280, height: 800 } });
  t.after(() => context.close().catch(() => {}));
  const fetched = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) fetched.push(new URL(r.url()).pathname); });
  await page.goto(url + "?lesson=18&step=2", { waitUntil: "commit" });
  await page.waitForURL(/\/\?engine=etcd&lang=en&lesson=18&step=2$/, { timeout: 60_000 });
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined);
  assert.deepEqual(fetched, ["/main.wasm", "/etcd.wasm"]);
  assert.equal(await page.evaluate(() => window.raftlab.notice ?? null), null, "the page is the lesson's own: nothing to say about it");
  let st = await state(page);
  assert.equal(st.engine, "etcd");
  assert.deepEqual([st.lesson.number, st.lesson.step, st.lesson.kind], [18, 2, "predict"]);

  // The right answer (the log has three entries for x, the store one key),
  // then the step plays out on etcd's engine.
  const choice = (await layout(page)).controls.find((c) => c.name === "lesson-choice-2");
  assert.ok(choice, "the step's second choice");
  await click(page, ...center(choice));
  st = await waitFor("the step played out", async () => {
    await call(page, "runFor", [100]);
    const s = await state(page);
    return s.lesson.done && s;
  }, 30_000);
  assert.ok(st.lesson.answered);
  assert.ok(st.lesson.correct, "the run on etcd's engine did what the answer said");
  await page.mouse.move(2, 400);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(shots, "etcd-lesson18.png") });

  // Lesson 3 is RaftLab's: in this build it runs on RaftLab's engine.
  assert.equal(await call(page, "openLesson", [3, 1]), true);
  st = await state(page);
  assert.deepEqual([st.lesson.number, st.engine], [3, "raftlab"]);
  assert.deepEqual(errors, []);
});
