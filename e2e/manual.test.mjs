// Manual network mode by clicking (issue 16): the switch beside the
// Partition button puts the links in the user's hands; the leader's menu
// sends heartbeats, which wait as chips beside their links; a chip's menu
// duplicates, drops and delivers its message, each checked in state(); the
// clock stands still while nothing is chosen. Screenshots go to
// build/e2e/manual-*.png.
//
//   make web raftserve && node --test e2e/manual.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, center } from "./harness.mjs";

after(shutdown);

const click = (page, [x, y]) => page.evaluate(([x, y]) => window.raftlab.click(x, y), [x, y]);
const named = async (page, list, name) => {
  const b = await waitFor(`${list} ${name}`, async () => (await layout(page))[list].find((b) => b.name === name));
  return center(b);
};
const queue = (st, from, to) => st.manual.queues.find((q) => q.from === from && q.to === to) ?? { ids: [], kinds: [] };
const shot = async (page, name) => {
  await page.mouse.move(1, 790);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, `manual-${name}.png`) });
};

test("deliver, drop and duplicate by clicking a waiting message", async () => {
  const { page, errors, url } = await launch({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await firstFrame(page);
  const leader = await waitFor("a leader", async () => {
    await page.evaluate(() => window.raftlab.runFor(200));
    return (await state(page)).nodes.find((n) => n.up && n.role === "leader")?.id;
  });
  const follower = leader === 1 ? 2 : 1;

  await click(page, await named(page, "controls", "manual"));
  let st = await waitFor("manual mode on", async () => { const s = await state(page); return s.manual.on && s; });
  assert.equal(st.paused, false, "playing: the clock would run were it not for manual mode");

  // The leader's menu sends heartbeats: each waits on its link.
  const n = (await layout(page)).nodes.find((n) => n.id === leader);
  await click(page, [n.x, n.y]);
  await click(page, await named(page, "menu", "menu-fire-heartbeat"));
  st = await waitFor("the heartbeats waiting", async () => { const s = await state(page); return queue(s, leader, follower).ids.length > 0 && s; });
  const before = queue(st, leader, follower);
  assert.ok(before.kinds.every((k) => k === "AppendEntries"), JSON.stringify(before));
  const chip = `chip ${leader}-${follower} AppendEntries 1`;
  await named(page, "chips", chip);
  await shot(page, "on");

  // Duplicate: a copy of the oldest waits last.
  await click(page, await named(page, "chips", chip));
  assert.deepEqual((await state(page)).menu, ["menu-deliver", "menu-drop", "menu-duplicate"]);
  await shot(page, "menu");
  await click(page, await named(page, "menu", "menu-duplicate"));
  st = await state(page);
  assert.equal(queue(st, leader, follower).ids.length, before.ids.length + 1, "duplicated");
  assert.equal(queue(st, leader, follower).ids[0], before.ids[0], "the original still waits first");
  await shot(page, "duplicated");

  // Drop: the oldest goes.
  await click(page, await named(page, "chips", chip));
  await click(page, await named(page, "menu", "menu-drop"));
  st = await state(page);
  const afterDrop = queue(st, leader, follower).ids;
  assert.equal(afterDrop.length, before.ids.length, "dropped");
  assert.ok(!afterDrop.includes(before.ids[0]), "the oldest was dropped");
  await shot(page, "dropped");

  // Deliver: the next one reaches the follower, whose answer waits.
  await click(page, await named(page, "chips", chip));
  await click(page, await named(page, "menu", "menu-deliver"));
  st = await state(page);
  assert.equal(queue(st, leader, follower).ids.length, before.ids.length - 1, "delivered");
  assert.deepEqual(queue(st, follower, leader).kinds.slice(-1), ["AppendEntriesResponse"], "the follower's answer waits");
  assert.equal(st.status, "", "no choice was refused");
  await named(page, "chips", `chip ${follower}-${leader} AppendEntriesResponse 1`);
  await shot(page, "delivered");

  // Time stands still while nothing is chosen, though the app plays.
  const now = st.nowMs;
  await page.waitForTimeout(1000);
  st = await state(page);
  assert.equal(st.paused, false);
  assert.equal(st.nowMs, now, "time stands still");

  // Off: the network delivers what waited.
  await click(page, await named(page, "controls", "manual"));
  await waitFor("the queues emptied", async () => {
    await page.evaluate(() => window.raftlab.runFor(100));
    const s = await state(page);
    return !s.manual.on && s.manual.queues.length === 0;
  });
  assert.deepEqual(errors, []);
});
