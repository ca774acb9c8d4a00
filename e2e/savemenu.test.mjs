// The save menu in the browser: the Save control opens it, and each entry
// downloads its file: the scenario, the screen as a PNG (read from the
// canvas at the end of a frame), and the last 30 s of the run as an
// animated GIF and as an SVG slide (internal/picture, in the wasm build).
//
//   RAFTLAB_WEB_DIR=DIR node --test --test-concurrency=1 e2e/savemenu.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, center } from "./harness.mjs";

after(shutdown);

// click presses the mouse at (x, y) long enough for the game to see the
// press in a tick even at a few frames a second.
const click = (page, x, y) => page.mouse.click(x, y, { delay: 300 });

// download opens the save menu, clicks its entry item and returns the
// downloaded file's name and bytes. A click the busy page misses is
// tried again.
async function download(page, item) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const save = (await layout(page)).controls.find((c) => c.name === "save");
    assert.ok(save, "the Save control is on screen");
    await click(page, ...center(save));
    const box = await waitFor(`save menu item ${item}`, async () => (await layout(page)).menu.find((m) => m.name === item), 3_000).catch(() => null);
    if (!box) continue;
    if (item === "gif") await page.screenshot({ path: path.join(shots, "savemenu.png") });
    const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click(page, ...center(box))]);
    const file = path.join(shots, "saved-" + dl.suggestedFilename());
    await dl.saveAs(file);
    return { name: dl.suggestedFilename(), data: readFileSync(file) };
  }
  throw new Error(`the save menu's ${item} did not open`);
}

test("the save menu downloads the scenario, a PNG, a GIF and an SVG", async (t) => {
  const { context, page, errors, url } = await launch({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  t.after(() => context.close().catch(() => {}));
  await page.goto(url + "?scenario=leader-crash");
  await firstFrame(page);
  await waitFor("the run under way", async () => (await state(page)).nowMs > 0, 30_000);

  const sc = await download(page, "scenario");
  assert.equal(sc.name, "raftlab-session.json");
  assert.equal(JSON.parse(sc.data.toString("utf8")).name, "Leader crash and re-election");

  const png = await download(page, "png");
  assert.equal(png.name, "raftlab.png");
  assert.equal(png.data.subarray(1, 4).toString("latin1"), "PNG");
  const [w, h] = [png.data.readUInt32BE(16), png.data.readUInt32BE(20)];
  assert.deepEqual([w, h], [1280, 800], "the PNG is the screen, pixel for pixel");

  const gif = await download(page, "gif");
  assert.equal(gif.name, "raftlab.gif");
  assert.equal(gif.data.subarray(0, 6).toString("latin1"), "GIF89a");
  assert.deepEqual([gif.data.readUInt16LE(6), gif.data.readUInt16LE(8)], [800, 500]);

  const svg = await download(page, "svg");
  assert.equal(svg.name, "raftlab.svg");
  const text = svg.data.toString("utf8");
  assert.match(text, /^<svg /);
  for (const name of ["S1", "S2", "S3", "S4", "S5"]) assert.ok(text.includes(`>${name}</text>`), `the slide names ${name}`);

  assert.deepEqual(errors, []);
});
