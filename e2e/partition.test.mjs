// The partition editor shows each group by position and colour (issue 11):
// at 1024x768 the Partition… button opens it, clicks put S1 and S2 in a
// group of their own, layout() shows every server of group A left of the
// divider and every server of group B right of it (the divider crossing
// no server and no caption, the hint in a row of its own), and Apply cuts
// the network that way. Screenshots of the editor at 1280x800, 1024x768
// and 800x600, applied, and in the light theme go to build/e2e/.
//
//   make web raftserve && node --test e2e/partition.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor } from "./harness.mjs";

after(shutdown);

const click = (page, x, y) => page.evaluate(([x, y]) => window.raftlab.click(x, y), [x, y]);
const clickControl = async (page, name) => {
  const c = (await layout(page)).controls.find((b) => b.name === name);
  assert.ok(c, `a control ${name}`);
  await click(page, c.x + c.w / 2, c.y + c.h / 2);
};
const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const discBox = (n) => ({ x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r });
const within = (a, b) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

// checkSeparated asserts that the open editor shows group A's servers left
// of the divider and group B's right of it, each inside its region, the
// divider and the hint clear of every server and caption.
function checkSeparated(p, where) {
  assert.ok(p, `${where}: layout().partition describes the open editor`);
  const [a, b] = p.groups;
  assert.equal(a.name, "A");
  assert.equal(b.name, "B");
  const cut = p.divider.x + p.divider.w / 2;
  for (const n of a.nodes) assert.ok(n.x + n.r <= p.divider.x, `${where}: S${n.id} of group A is left of the divider ${JSON.stringify(p.divider)}`);
  for (const n of b.nodes) assert.ok(n.x - n.r >= p.divider.x + p.divider.w, `${where}: S${n.id} of group B is right of the divider`);
  for (const g of p.groups) {
    assert.ok(g.region.x + g.region.w <= cut || g.region.x >= cut, `${where}: the divider does not cross group ${g.name}'s region`);
    assert.ok(!overlaps(g.caption, p.divider) && !overlaps(g.caption, p.hint), `${where}: group ${g.name}'s caption is clear of the divider and the hint`);
    assert.ok(within(g.caption, g.region), `${where}: group ${g.name}'s caption is in its region`);
    for (const n of g.nodes) {
      assert.ok(within(discBox(n), g.region), `${where}: S${n.id} stands in group ${g.name}'s region`);
      assert.ok(!overlaps(discBox(n), p.divider) && !overlaps(discBox(n), p.hint) && !overlaps(discBox(n), g.caption), `${where}: S${n.id} is clear of the divider, the hint and the caption`);
    }
  }
}

test("the partition editor separates the groups by position and colour", async () => {
  const { page, errors, url } = await launch({ viewport: { width: 1024, height: 768 } });
  await page.goto(url);
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error ?? null), null);
  await waitFor("a leader", async () => {
    await page.evaluate(() => window.raftlab.runFor(200));
    return (await state(page)).nodes.some((n) => n.up && n.role === "leader");
  });
  if (!(await state(page)).paused) await clickControl(page, "play"); // a still picture to look at

  await clickControl(page, "partition");
  let p = (await layout(page)).partition;
  checkSeparated(p, "opened");
  assert.deepEqual(p.groups[0].nodes.map((n) => n.id), [1, 2, 3, 4, 5], "all five start in group A");
  assert.deepEqual(p.groups[1].nodes, []);

  // Click S1, then S2: each moves to group B.
  for (const id of [1, 2]) {
    const n = p.groups.flatMap((g) => g.nodes).find((n) => n.id === id);
    await click(page, n.x, n.y);
    p = (await layout(page)).partition;
  }
  checkSeparated(p, "S1 and S2 moved");
  assert.deepEqual(p.groups[0].nodes.map((n) => n.id), [3, 4, 5]);
  assert.deepEqual(p.groups[1].nodes.map((n) => n.id), [1, 2]);
  assert.equal(p.groups[1].caption.text, "Group B: S1 S2");
  assert.equal(p.groups[0].caption.text, "Group A: S3 S4 S5");
  await page.mouse.move(1, 760);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(shots, "partition-1024x768.png") });

  for (const [w, h] of [[1280, 800], [800, 600]]) {
    await page.setViewportSize({ width: w, height: h });
    await waitFor(`the ${w}x${h} layout`, async () => {
      const q = (await layout(page)).partition;
      return q && q.panel.x + q.panel.w <= w && Math.abs(q.panel.w - p.panel.w) > 1 && q;
    }, 30_000);
    checkSeparated((await layout(page)).partition, `${w}x${h}`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(shots, `partition-${w}x${h}.png`) });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await waitFor("1024x768 again", async () => {
    const q = (await layout(page)).partition;
    return q && Math.abs(q.panel.w - p.panel.w) < 1;
  }, 30_000);

  // Apply: S1 and S2 are cut off from the other three.
  await clickControl(page, "partition-apply");
  const st = await waitFor("the partition applied", async () => {
    const s = await state(page);
    return (await layout(page)).partition === null && s.network.groups.length === 5 && s;
  }, 10_000);
  const g = st.network.groups;
  assert.equal(g[0], g[1], `S1 and S2 are in one group: ${JSON.stringify(g)}`);
  assert.equal(g[2], g[3]);
  assert.equal(g[3], g[4]);
  assert.notEqual(g[0], g[2], `S1 and S3 are apart: ${JSON.stringify(g)}`);
  await page.evaluate(() => window.raftlab.runFor(2000));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(shots, "partition-1024x768-applied.png") });

  // In the light theme the groups keep their places and read as well.
  await page.evaluate(() => localStorage.setItem("raftlab.prefs", JSON.stringify({ welcomed: true, theme: "light" })));
  await page.reload();
  await firstFrame(page);
  await clickControl(page, "partition");
  p = (await layout(page)).partition;
  const s2 = p.groups[0].nodes.find((n) => n.id === 2);
  await click(page, s2.x, s2.y);
  p = (await layout(page)).partition;
  checkSeparated(p, "light theme");
  assert.deepEqual(p.groups[1].nodes.map((n) => n.id), [2]);
  await page.mouse.move(1, 760);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(shots, "partition-1024x768-light.png") });
  assert.deepEqual(errors, [], "no console errors");
});
