// The linearizability panel (issue 16): on the stale read, the safety
// monitor's red light of reads opens it; it names the put x=2 and the
// stale get x, draws the key's calls as bars, and a click on the stale
// get's bar moves the timeline to the moment its value came back.
// Screenshots in English and Chinese go to build/e2e/.
//
//   make web raftserve && node --test e2e/lin.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, call, center } from "./harness.mjs";

after(shutdown);

test("the stale read's calls as bars, and a click on the stale get", async () => {
  const { page, errors, url } = await launch({ viewport: { width: 1280, height: 800 } });
  await page.goto(url + "?scenario=stale-read");
  await firstFrame(page);
  await call(page, "runFor", [3000]);
  if (!(await state(page)).paused) await call(page, "click", center((await layout(page)).controls.find((b) => b.name === "play")));

  const opener = (await layout(page)).linOpener;
  assert.ok(opener, "the light of reads is red");
  await call(page, "click", center(opener));
  const lin = (await state(page)).lin;
  assert.ok(lin, "the panel is open");
  assert.equal(lin.verdict, "illegal");
  assert.equal(lin.core.length, 2);
  assert.match(lin.core[0], /^client 1: put x=2 /);
  assert.match(lin.core[1], /^client 1: get x → "1", invoked at 1\.500s, returned at 1\.527s$/);
  assert.match(lin.why, /get x returned "1" at 1\.527s, after client 1's put x=2 had returned/);
  const bars = (await layout(page)).lin;
  await page.mouse.move(1, 790);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "lin-1280x800.png") });

  await call(page, "click", center(bars.bars[bars.focus]));
  const st = await state(page);
  assert.equal(st.nowMs, 1527, "the timeline is at the stale get's return");
  assert.ok(st.lin, "the panel stays open");

  assert.equal(await call(page, "setLang", ["zh-CN"]), true);
  await waitFor("the Chinese font", async () => (await state(page)).font === "ready", 60_000);
  assert.match((await state(page)).lin.why, /客户端 1 的 get x 返回了 "1"（1\.527 秒）/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "lin-zh.png") });
  assert.deepEqual(errors, []);
});
