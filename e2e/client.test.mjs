// The client panel in the browser: a learner types a key and a value,
// sends the put with Enter and sees it answered in the panel; then sends a
// write to a server that does not answer and sees it wait, time out and be
// retried. The panel's request lines are controls named by their state
// (client-request-waiting...), so window.raftlab.layout() shows them.
//
//   make web raftserve && node --test e2e/client.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, call } from "./harness.mjs";

after(shutdown);

// control finds a control or an item of the open menu by name (or by a name's prefix when it ends in
// "*").
async function control(page, name) {
  const lay = await layout(page);
  const cs = [...lay.controls, ...lay.menu];
  return name.endsWith("*") ? cs.filter((c) => c.name.startsWith(name.slice(0, -1))) : cs.find((c) => c.name === name);
}

// press clicks a control through the game's own hit-testing.
async function press(page, name) {
  const b = await control(page, name);
  assert.ok(b, `control ${name} is on screen`);
  await page.evaluate(([x, y]) => window.raftlab.click(x, y), [b.x + b.w / 2, b.y + b.h / 2]);
}

// newestRequest is the state of the panel's newest request (its first
// line), or undefined.
async function newestRequest(page) {
  const lines = await control(page, "client-request-*");
  lines.sort((a, b) => a.y - b.y);
  return lines[0]?.name.replace("client-request-", "");
}

test("the client panel: typing, and each request's state", async (t) => {
  const { page, errors, url } = await launch({ viewport: { width: 1024, height: 768 } });
  await page.goto(url);
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined);

  let st = await state(page);
  for (let i = 0; i < 12 && st.speed !== "1x"; i++) {
    await press(page, "faster");
    st = await state(page);
  }
  assert.equal(st.speed, "1x");
  if (st.paused) await press(page, "play");
  st = await waitFor("a leader", async () => { const s = await state(page); return s.nodes.some((n) => n.role === "leader") && s; });
  const leader = st.nodes.find((n) => n.role === "leader").id;

  await t.test("types a key and a value, Enter sends the put, the panel shows the answer", async () => {
    const before = (await state(page)).history.length;
    const paused = (await state(page)).paused;
    // Keys reach the game at its next update, a click through the hook at
    // once: wait in between.
    const settle = () => page.waitForTimeout(400);
    await press(page, "client-key-field");
    await settle();
    await page.keyboard.press("Backspace");
    await page.keyboard.type("color", { delay: 30 });
    await settle();
    await press(page, "client-value-field");
    await settle();
    await page.keyboard.type("red cap", { delay: 30 });
    await settle();
    await page.screenshot({ path: path.join(shots, "client-typing-1024x768.png") });
    let s = await state(page);
    assert.equal(s.paused, paused, "the space typed in the field did not pause the simulation");
    assert.equal(s.history.length, before, "the c typed in the field did not send a write");
    await page.keyboard.press("Enter");
    s = await waitFor("the put in the history", async () => { const s = await state(page); return s.history.length > before && s; }, 10_000);
    const put = s.history.at(-1);
    assert.deepEqual([put.op, put.key, put.value], ["put", "color", "red cap"]);
    assert.equal(await waitFor("the put answered in the panel", async () => (await newestRequest(page)) === "answered" && "answered", 15_000), "answered");
    await page.keyboard.press("Escape");
    await page.screenshot({ path: path.join(shots, "client-answered-1024x768.png") });
  });

  await t.test("a write to a server that does not answer waits, times out and is retried", async () => {
    const down = (leader % 5) + 1;
    const node = (await layout(page)).nodes.find((n) => n.id === down);
    await page.evaluate(([x, y]) => window.raftlab.click(x, y), [node.x, node.y]);
    await press(page, "menu-crash");
    await waitFor(`S${down} down`, async () => !(await state(page)).nodes.find((n) => n.id === down).up, 5_000);
    // Point the client at the crashed server: the target cycles leader, S1, S2...
    for (let i = 0; i < down; i++) await press(page, "client-target");
    // Slower than real time, so that each state lasts long enough to see.
    for (let i = 0; i < 3; i++) await press(page, "slower");
    await press(page, "client-put");
    const seen = [];
    await waitFor("the write answered after a retry", async () => {
      const r = await newestRequest(page);
      if (r && seen.filter((s) => !s.endsWith("shot")).at(-1) !== r) seen.push(r);
      if (r === "waiting" && !seen.includes("waiting-shot")) {
        seen.push("waiting-shot");
        await page.screenshot({ path: path.join(shots, "client-waiting-1024x768.png") });
        // The attempt times out a virtual second after it was sent, 10 s
        // of waiting at this speed: run to 100 virtual ms before then, and
        // watch the timeout and the retry at the slow speed.
        const s = await state(page);
        const put = s.history.at(-1);
        assert.equal(put.op, "put", "the newest call is the put");
        const skip = put.callMs + 900 - s.nowMs;
        if (skip > 0) await call(page, "runFor", [skip]);
        assert.equal(await newestRequest(page), "waiting", "still waiting 900 virtual ms after the put was sent");
      }
      if (r === "timedout" && !seen.includes("timedout-shot")) {
        seen.push("timedout-shot");
        await page.screenshot({ path: path.join(shots, "client-timedout-1024x768.png") });
      }
      return r === "answered";
    }, 60_000);
    const states = seen.filter((s) => !s.endsWith("shot"));
    assert.ok(states.indexOf("waiting") >= 0 && states.indexOf("waiting") < states.indexOf("timedout"), `waiting, then timed out: ${states}`);
    const last = (await state(page)).history.at(-1);
    assert.notEqual(last.returnMs, null, "the write was answered");
  });
  assert.deepEqual(errors, []);
});
