// A redirect in the browser: with the client panel's target at "to:
// leader", a client that knows no leader yet sends its first write to S1;
// S1 is a follower, so it redirects the client to the leader. The feed
// must say so ("client 1 did not know the leader and asked S1 to put
// x=1", then "S1 is not the leader: it redirected client 1 to S5...") and
// the reply must be drawn as a redirect naming the leader (an arrow and
// the leader's name). The simulation is paused and stepped with
// window.raftlab.runFor, so that the test sees the redirect in flight
// however slow the machine; layout().messages lists what the last frame
// drew. Screenshots at 1024x768 go to build/e2e.
//
//   make web raftserve && node --test e2e/redirect.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor } from "./harness.mjs";

after(shutdown);

// press clicks a control through the game's own hit-testing.
async function press(page, name) {
  const b = (await layout(page)).controls.find((c) => c.name === name);
  assert.ok(b, `control ${name} is on screen`);
  await page.evaluate(([x, y]) => window.raftlab.click(x, y), [b.x + b.w / 2, b.y + b.h / 2]);
}

// step runs the simulation ms ahead and waits until a frame has been
// drawn since, so that layout().messages is that moment's.
async function step(page, ms) {
  await waitFor("runFor", () => page.evaluate((ms) => typeof window.raftlab.runFor(ms) === "number", ms), 10_000);
  const f0 = await page.evaluate(() => window.raftlab.frames());
  await waitFor("a frame drawn", async () => {
    const f = await page.evaluate(() => window.raftlab.frames());
    return typeof f === "number" && typeof f0 === "number" && f > f0 + 1;
  }, 20_000);
}

test("a write to a follower is redirected, and the feed and the wire show it", async () => {
  const { page, errors, url } = await launch({ viewport: { width: 1024, height: 768 } });
  await page.goto(url);
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined);

  // Paused at once, and run ahead by the hook until a leader is elected:
  // how fast frames come on a busy machine does not matter.
  if (!(await state(page)).paused) await press(page, "play");
  let st = await waitFor("paused", async () => { const s = await state(page); return s.paused && s; }, 30_000);
  for (let i = 0; i < 100 && !st.nodes.some((n) => n.role === "leader"); i++) {
    await step(page, 20);
    st = await state(page);
  }
  const leader = st.nodes.find((n) => n.role === "leader").id;
  assert.notEqual(leader, 1, "the sandbox elects another server than S1 (else no redirect would follow)");
  assert.equal(st.clientTarget, 0, "the client panel sends to the leader");
  assert.equal(st.history.length, 0, "no client has asked anything yet, so none knows the leader");

  await press(page, "client-put");
  // The redirect leaves from under S1's circle: wait until it is clear of
  // it, where a learner sees it.
  let lay, redirect, seen = false;
  const s1 = (await layout(page)).nodes.find((n) => n.id === 1);
  for (let i = 0; i < 300 && !redirect; i++) {
    await step(page, 2);
    lay = await layout(page);
    const r = lay.messages.find((m) => m.redirect);
    seen ||= !!r;
    if (r && Math.hypot(r.x - s1.x, r.y - s1.y) > s1.r + r.r + 2) redirect = r;
  }
  assert.ok(seen, "a redirect was drawn on its way back to the clients");
  assert.ok(redirect, "the redirect was drawn clear of S1");
  await page.screenshot({ path: path.join(shots, "redirect-in-flight-1024x768.png") });
  assert.equal(redirect.tag, `S${leader}`, "the redirect names the leader");
  assert.equal(redirect.kind, "client redirect");
  assert.notEqual(redirect.label, "C", "a redirect does not look like an answer (C)");
  assert.ok(redirect.r >= 8, `the redirect's glyph is ${redirect.r} px in radius, at least 8`);
  const asked = lay.feed.lines.find((l) => /client \d+ did not know the leader and asked S1 to put/.test(l));
  assert.ok(asked, `the feed says the client did not know the leader: ${JSON.stringify(lay.feed.lines.slice(0, 6))}`);

  const told = await waitFor("the redirect told in the feed", async () => {
    await step(page, 5);
    const l = await layout(page);
    return l.feed.lines.find((s) => new RegExp(`^S1 is not the leader: it redirected client \\d+ to S${leader}`).test(s));
  }, 120_000);
  assert.ok(told);
  await page.screenshot({ path: path.join(shots, "redirect-told-1024x768.png") });
  await waitFor("the write answered", async () => {
    await step(page, 20);
    return (await state(page)).history.at(-1)?.returnMs != null;
  }, 120_000);
  assert.deepEqual(errors, []);
});
