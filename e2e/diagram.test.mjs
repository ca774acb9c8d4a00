// The space-time diagram in the browser: D opens it over the cluster; a
// click on an arrow selects its message and moves the present (the
// timeline) to the middle of its flight, where the message shows on the
// wire; the diagram follows. Screenshots: build/e2e/diagram-*.png.
//
//   RAFTLAB_WEB_DIR=DIR node --test --test-concurrency=1 e2e/diagram.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, center, call } from "./harness.mjs";

after(shutdown);

// click presses the mouse long enough for the game to see the press in a
// tick even at a few frames a second.
const click = (page, x, y) => page.mouse.click(x, y, { delay: 300 });

test("a click on an arrow of the diagram selects its message and jumps there", async (t) => {
  const { context, page, errors, url } = await launch({ viewport: { width: 1280, height: 800 } });
  t.after(() => context.close().catch(() => {}));
  await page.goto(url + "?scenario=minority-partition");
  await firstFrame(page);
  if (!(await state(page)).paused) await page.keyboard.press("Space");
  await waitFor("the pause", async () => (await state(page)).paused);
  await call(page, "runFor", [2000]);

  const control = (await layout(page)).diagram.control;
  await click(page, ...center(control));
  const lay = await waitFor("the diagram open with arrows", async () => {
    const l = await layout(page);
    return l.diagram.panel && l.diagram.arrows.length > 5 && l;
  });
  assert.equal((await state(page)).diagram.open, true);
  assert.deepEqual(lay.diagram.lanes.map((l) => l.name), ["S1", "S2", "S3", "S4", "S5"]);
  await page.screenshot({ path: path.join(shots, "diagram-open.png") });

  // The longest arrow not lost, well inside the panel: a clear target.
  const p = lay.diagram.panel;
  const inside = (a) => a.x > p.x + 60 && a.x < p.x + p.w - 20;
  const arrow = lay.diagram.arrows.filter((a) => !a.lost && inside(a)).sort((a, b) => (b.x2 - b.x1) - (a.x2 - a.x1))[0];
  assert.ok(arrow, "an arrow to click");
  await click(page, arrow.x, arrow.y);
  // Arrows cross: the one hit is the nearest to the click, which may be
  // another one through the same point.
  const st = await waitFor("a message selected", async () => {
    const s = await state(page);
    return s.diagram.selected !== 0 && s;
  });
  const hit = lay.diagram.arrows.find((a) => a.flight === st.diagram.selected);
  assert.ok(hit, "the message selected is one of the arrows drawn");
  const want = hit.sendAt + Math.floor((hit.endAt - hit.sendAt) / 2);
  assert.equal(st.nowMs, want, "the timeline jumps to the middle of the flight");
  assert.ok(st.paused);
  assert.ok(st.diagram.fromMs < want && want < st.diagram.toMs, "the diagram follows the present");
  const after1 = await layout(page);
  assert.ok(after1.messages.some((m) => m.id === hit.flight), "the message shows on the wire");
  assert.ok(after1.diagram.arrows.some((a) => a.flight === hit.flight), "and in the diagram");
  await page.screenshot({ path: path.join(shots, "diagram-selected.png") });

  // D closes it.
  await page.keyboard.press("d");
  await waitFor("the diagram closed", async () => !(await state(page)).diagram.open);
  assert.deepEqual(errors, []);
});
