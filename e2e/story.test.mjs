// The story stays readable (issue 11): after a jump back on the timeline
// the event feed lists what led up to that moment, and selecting a node
// opens the inspector beside the feed, not over it. At 1024x768; the
// screenshots go to build/e2e/.
//
//   make web raftserve && node --test e2e/story.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor } from "./harness.mjs";

after(shutdown);

const leaderOf = (st) => st.nodes.find((n) => n.up && n.role === "leader");

test("the story survives a jump back and an open inspector", async () => {
  const { page, errors, url } = await launch({ viewport: { width: 1024, height: 768 } });
  await page.goto(url);
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error ?? null), null);

  // Play to a leader, then well past it: only heartbeats follow.
  const elected = await waitFor("a leader", async () => {
    await page.evaluate(() => window.raftlab.runFor(200));
    const s = await state(page);
    return leaderOf(s) && s;
  });
  const leader = leaderOf(elected).id;
  await page.evaluate(() => window.raftlab.runFor(15_000));
  let st = await state(page);
  if (!st.paused) {
    const play = (await layout(page)).controls.find((c) => c.name === "play");
    await page.evaluate(([x, y]) => window.raftlab.click(x, y), [play.x + play.w / 2, play.y + play.h / 2]);
    st = await waitFor("paused", async () => { const s = await state(page); return s.paused && s; }, 5_000);
  }

  // Click the timeline back to a moment a few seconds after the election.
  const tl = (await layout(page)).timeline;
  const target = elected.nowMs + 4000;
  await page.evaluate(([x, y]) => window.raftlab.click(x, y), [tl.x + tl.w * target / tl.endMs, tl.y + tl.h / 2]);
  st = await waitFor("the moment after the election", async () => { const s = await state(page); return s.nowMs < target + 1000 && s; }, 5_000);
  assert.ok(st.nowMs > elected.nowMs, `now ${st.nowMs} ms is after the election at ${elected.nowMs} ms`);
  assert.equal(leaderOf(st)?.id, leader, `S${leader} leads at ${st.nowMs} ms`);
  let lay = await layout(page);
  assert.ok(lay.feed.lines.length >= 4, `the feed lists the story after the jump back: ${JSON.stringify(lay.feed.lines)}`);
  assert.ok(lay.feed.lines.some((l) => l.includes(`S${leader} became leader`)), `the election is in the feed: ${JSON.stringify(lay.feed.lines)}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "story-1024-after-seek.png") });

  // Select the leader: the inspector opens, and the feed stays in view.
  const spot = lay.nodes.find((n) => n.id === leader);
  await page.evaluate(([x, y]) => window.raftlab.click(x, y), [spot.x, spot.y]);
  await waitFor("the leader selected", async () => (await state(page)).selected === leader, 5_000);
  await page.keyboard.press("Escape"); // the node's menu, not the selection
  await page.waitForTimeout(200);
  st = await state(page);
  lay = await layout(page);
  assert.equal(st.selected, leader, "Esc closed the menu only");
  assert.ok(lay.inspector, "the inspector is open");
  const i = lay.inspector, f = lay.feed.panel;
  assert.ok(i.y + i.h <= f.y || f.y + f.h <= i.y, `the inspector ${JSON.stringify(i)} and the feed ${JSON.stringify(f)} do not overlap`);
  assert.ok(f.y + f.h <= 768 && f.h >= 100, `the feed is on screen: ${JSON.stringify(f)}`);
  assert.ok(lay.feed.lines.length >= 4, `the feed still lists the story: ${JSON.stringify(lay.feed.lines)}`);
  await page.mouse.move(1020, 380);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "story-1024-inspector-and-feed.png") });
  assert.deepEqual(errors, [], "no console errors");
});
