// The light theme (issue 11): a learner opens Settings, chooses the light
// theme, and the playground turns light at once, without a new run; a
// reload keeps it. Screenshots of the sandbox with a leader, in the light
// theme, at 1280x800, 1024x768 and 800x600 go to build/e2e/.
//
//   make web raftserve && node --test e2e/theme.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor } from "./harness.mjs";

after(shutdown);

const leaderOf = (st) => st.nodes.find((n) => n.up && n.role === "leader");

// click clicks at (x, y) through the game's own hit-testing.
const click = (page, x, y) => page.evaluate(([x, y]) => window.raftlab.click(x, y), [x, y]);

// press clicks a named control: a top-bar button, or one of the settings
// dialog's while it is open.
async function press(page, name) {
  const lay = await layout(page);
  const b = [...lay.controls, ...(lay.settings?.controls ?? [])].find((c) => c.name === name);
  assert.ok(b, `control ${name} is on screen`);
  await click(page, b.x + b.w / 2, b.y + b.h / 2);
}

// pixel is the colour the page shows at (x, y), from a screenshot decoded
// by the browser itself (the game's WebGL canvas cannot be read back).
async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = c.height = 1;
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString("base64"));
}

// brightness is a colour's mean channel, 0 to 255.
const brightness = ([r, g, b]) => (r + g + b) / 3;

// backgroundSpot is a point of the playground's background: between the
// top bar and the nodes, at the left edge.
async function backgroundSpot(page) {
  const lay = await layout(page);
  const top = lay.topBar.y + lay.topBar.h;
  const firstNode = Math.min(...lay.nodes.map((n) => n.y - n.r));
  return [4, Math.round((top + Math.max(top + 4, firstNode - 30)) / 2)];
}

test("the light theme is chosen in Settings and kept", async () => {
  const { page, errors, url } = await launch({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error ?? null), null);

  let st = await state(page);
  assert.equal(st.theme, "dark", "dark is the default");
  const spot = await backgroundSpot(page);
  assert.ok(brightness(await pixel(page, ...spot)) < 60, `the dark background at ${spot}`);

  // Settings, then the theme row's ">": light at once, the run goes on.
  await page.evaluate(() => window.raftlab.runFor(500));
  await press(page, "settings");
  await waitFor("the settings dialog", async () => (await layout(page)).settings, 10_000);
  const before = (await state(page)).nowMs;
  await press(page, "set-theme-next");
  st = await waitFor("the light theme", async () => { const s = await state(page); return s.theme === "light" && s; }, 10_000);
  assert.ok(st.nowMs >= before, `no new run: ${st.nowMs} ms, was ${before} ms`);
  assert.ok((await layout(page)).settings, "the dialog stays open");
  await page.mouse.move(640, 780);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "theme-light-settings-1280.png") });
  await press(page, "set-cancel");
  await waitFor("the dialog closed", async () => !(await layout(page)).settings, 10_000);
  assert.equal((await state(page)).theme, "light", "Cancel keeps the theme: it is not part of the run's settings");
  await page.waitForTimeout(300);
  assert.ok(brightness(await pixel(page, ...spot)) > 230, `a light background at ${spot}`);

  // A reload keeps it.
  await page.reload();
  await firstFrame(page);
  assert.equal((await state(page)).theme, "light", "the theme outlasts a reload");
  await page.waitForTimeout(300);
  assert.ok(brightness(await pixel(page, ...(await backgroundSpot(page)))) > 230, "still light after the reload");

  // The sandbox with a leader, at the three sizes.
  await waitFor("a leader", async () => {
    await page.evaluate(() => window.raftlab.runFor(200));
    return leaderOf(await state(page));
  }, 60_000);
  for (const [w, h] of [[1280, 800], [1024, 768], [800, 600]]) {
    await page.setViewportSize({ width: w, height: h });
    await waitFor(`the layout at ${w}x${h}`, async () => {
      const lay = await layout(page);
      return lay.topBar.w <= w + 1 && lay.topBar.w >= w - 1;
    }, 20_000);
    await page.mouse.move(w - 2, h - 2);
    await page.waitForTimeout(400);
    assert.ok(brightness(await pixel(page, ...(await backgroundSpot(page)))) > 230, `light at ${w}x${h}`);
    await page.screenshot({ path: path.join(shots, `theme-light-leader-${w}x${h}.png`) });
  }
  assert.deepEqual(errors, [], "no console errors");
});
