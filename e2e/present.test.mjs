// Presenter mode and speaker notes (issue 15), in the browser: F5 turns
// presenter mode on over a lesson, and its text is at least twice as
// large at 1920x1080 (a third larger at 1280x720); screenshots at both
// sizes go to build/e2e/ (present-*.png). A clicker's Page Down and Page
// Up step the lesson, and the speaker notes tab (index.html?notes=1),
// opened with N, follows the presenter's tab through the step changes.
//
//   make web raftserve WEB=/tmp/x/web
//   RAFTLAB_WEB_DIR=/tmp/x/web node --test --test-concurrency=1 e2e/present.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, call } from "./harness.mjs";

after(shutdown);

// key presses a key on the game's canvas (Ebiten listens there).
async function key(page, k) {
  await page.focus("canvas");
  await page.keyboard.press(k);
}

// press clicks a named control: a top-bar button, or one of the settings
// dialog's while it is open.
async function press(page, name) {
  const lay = await layout(page);
  const b = [...lay.controls, ...(lay.settings?.controls ?? [])].find((c) => c.name === name);
  assert.ok(b, `control ${name} is on screen`);
  await call(page, "click", [b.x + b.w / 2, b.y + b.h / 2]);
}

// lineHeight is the median height of the lesson panel's lines of text,
// in CSS pixels.
async function lineHeight(page) {
  const hs = ((await layout(page)).lesson?.texts ?? []).map((t) => t.h).sort((a, b) => a - b);
  assert.ok(hs.length > 0, "the lesson panel has text");
  return hs[Math.floor(hs.length / 2)];
}

// frames waits for n fresh frames, so that a screenshot shows the state.
async function frames(page, n = 3) {
  const at = await page.evaluate(() => window.raftlab.frames());
  await waitFor(`${n} frames`, async () => (await page.evaluate(() => window.raftlab.frames())) >= at + n, 20_000);
}

// One page serves both sizes: a lesson link's first frame took 8 s or
// more here. Each size's run ends with presenter mode off, so the next
// size resizes the window, closes the settings and opens the same step
// again, as a fresh page at that size would show it.
const presenterSizes = [[1920, 1080, 2], [1280, 720, 4 / 3]];
let presenter;

for (const [i, [w, h, zoom]] of presenterSizes.entries()) {
  test(`presenter mode at ${w}x${h}: text ${zoom.toFixed(2)}x, screenshots`, async (t) => {
    if (i === presenterSizes.length - 1) t.after(() => presenter?.context.close().catch(() => {}));
    if (!presenter) {
      presenter = await launch({ viewport: { width: w, height: h } });
      await presenter.page.goto(presenter.url + "?lesson=3&step=2");
      await firstFrame(presenter.page);
    } else {
      const { page } = presenter;
      await key(page, "Escape");
      await waitFor("the settings closed", async () => !(await layout(page)).settings, 10_000);
      await page.setViewportSize({ width: w, height: h });
      assert.equal(await call(page, "openLesson", [3, 2]), true);
      await waitFor(`lesson 3 step 2 laid out at ${w}x${h}`, async () => {
        const [s, l] = [await state(page), await layout(page)];
        return s.lesson?.number === 3 && s.lesson.step === 2 && l.topBar.w === w && l.lesson?.panel.x + l.lesson?.panel.w <= w;
      }, 15_000);
    }
    const { page, errors } = presenter;
    const normal = await lineHeight(page);
    assert.equal((await state(page)).present, false);

    await key(page, "F5");
    const st = await waitFor("presenter mode", async () => { const s = await state(page); return s.present && s; }, 15_000);
    assert.equal(st.theme, "presenter");
    const lay = await layout(page);
    assert.ok(Math.abs(lay.zoom - zoom) < 1e-6, `zoom ${lay.zoom}, want ${zoom}`);
    const big = await lineHeight(page);
    assert.ok(big >= zoom * normal - 0.01, `the lesson's lines are ${big} px high, were ${normal} px: ${(big / normal).toFixed(2)}x`);
    if (w === 1920) assert.ok(big >= 2 * normal - 0.01, "at least twice the normal size at 1920x1080");
    assert.equal(lay.feed.panel.h, 0, "the feed is hidden");
    assert.ok(lay.lesson.panel.y + lay.lesson.panel.h <= h, "the lesson panel is on screen");
    await page.mouse.move(w * 0.3, h * 0.4);
    await frames(page);
    await page.screenshot({ path: path.join(shots, `present-lesson-${w}x${h}.png`) });

    // Free play, with the spotlight on the cluster.
    await key(page, "Escape");
    await key(page, "Enter");
    await waitFor("the lesson closed", async () => (await state(page)).lesson === null, 15_000);
    await page.evaluate(() => window.raftlab.runFor(2000));
    const node = (await layout(page)).nodes[0];
    await page.mouse.move(node.x, node.y);
    await key(page, "h");
    await waitFor("the spotlight", async () => (await state(page)).spotlight, 10_000);
    await frames(page);
    await page.screenshot({ path: path.join(shots, `present-spotlight-${w}x${h}.png`) });
    await key(page, "h");

    // B blanks the screen until any key.
    await key(page, "b");
    await waitFor("the blank screen", async () => (await state(page)).blank, 10_000);
    await key(page, "x");
    await waitFor("the screen back", async () => !(await state(page)).blank, 10_000);

    // The settings dialog's switch: back to normal.
    await press(page, "settings");
    await waitFor("the settings dialog", async () => (await layout(page)).settings, 10_000);
    await frames(page);
    await page.screenshot({ path: path.join(shots, `present-settings-${w}x${h}.png`) });
    await press(page, "set-present");
    const off = await waitFor("presenter mode off", async () => { const s = await state(page); return !s.present && s; }, 15_000);
    assert.equal(off.theme, "dark");
    assert.equal((await layout(page)).zoom, 1);
    assert.deepEqual(errors.filter((e) => !/fullscreen|Permissions check failed/i.test(e)), []);
  });
}

test("clicker keys step the lesson, and the notes tab follows", async () => {
  const { context, page, errors, url } = await launch({ viewport: { width: 1280, height: 800 } });
  await page.goto(url + "?lesson=3&step=2&present=1");
  await firstFrame(page);
  let st = await state(page);
  assert.equal(st.present, true, "?present=1");
  assert.equal(st.lesson.step, 2);

  // N opens the notes tab, which shows this step's notes.
  const [notes] = await Promise.all([context.waitForEvent("page", { timeout: 20_000 }), key(page, "n")]);
  await notes.waitForLoadState();
  assert.match(notes.url(), /\?notes=1$/);
  const shown = () => notes.evaluate(() => {
    const d = window.raftlabNotes;
    return d && { step: d.step, lesson: d.lesson, title: document.querySelector("#notes h1")?.textContent, body: document.querySelector("#notes .body")?.textContent, notes: d.notes };
  });
  let n = await waitFor("the notes of step 2", async () => { const d = await shown(); return d?.step === 2 && d; }, 20_000);
  assert.equal(n.lesson, 3);
  assert.ok(n.title.length > 0, "the step's title");
  assert.ok(n.notes.length > 20, `the step's notes: ${n.notes}`);
  assert.equal(n.body.replace(/\s+/g, ""), n.notes.replace(/\s+/g, ""), "drawn as text");
  await notes.screenshot({ path: path.join(shots, "present-notes-tab.png") });

  // Page Down twice, the right arrow, then Page Up: the lesson and the
  // notes move together.
  for (const [k, want] of [["PageDown", 3], ["PageDown", 4], ["ArrowRight", 5], ["PageUp", 4]]) {
    await key(page, k);
    st = await waitFor(`${k}: step ${want}`, async () => { const s = await state(page); return s.lesson?.step === want && s; }, 15_000);
    n = await waitFor(`the notes of step ${want}`, async () => { const d = await shown(); return d?.step === want && d; }, 15_000);
    assert.ok(n.title.length > 0 && n.notes.length > 20, `step ${want}'s notes`);
  }

  // A notes tab opened by hand says hello, and is answered at once.
  const late = await context.newPage();
  await late.goto(url + "?notes=1");
  await waitFor("the late tab's notes", () => late.evaluate(() => window.raftlabNotes?.step === 4), 20_000);

  // The language follows the app.
  await page.evaluate(() => window.raftlab.setLang("zh-CN"));
  await waitFor("the notes in Chinese", () => late.evaluate(() => window.raftlabNotes?.lang === "zh-CN" && /第 3 课/.test(document.querySelector("#notes .head").textContent)), 20_000);
  await late.evaluate(() => Promise.all(["400", "700"].map((w) => document.fonts.load(`${w} 20px "RaftLab SC"`, "第"))));
  await late.waitForTimeout(300);
  await late.screenshot({ path: path.join(shots, "present-notes-tab-zh.png") });

  // Without a lesson, the notes say so.
  await page.evaluate(() => window.raftlab.setLang("en"));
  await key(page, "Escape");
  await key(page, "Enter");
  await waitFor("no lesson in the notes", () => late.evaluate(() => window.raftlabNotes?.lesson === 0 && /No lesson is open/.test(document.body.textContent)), 20_000);
  assert.deepEqual(errors.filter((e) => !/fullscreen|Permissions check failed/i.test(e)), []);
});
