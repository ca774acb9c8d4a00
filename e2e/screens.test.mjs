// A screenshot tour of the screens a newcomer meets, at the three window
// sizes that must work (1280x800, 1024x768, 800x600): the sandbox once a
// leader is elected, a server's menu, the inspector, the list of lessons,
// a lesson step (lesson 3, step 2), the help overlay and the settings.
// Each is saved as build/e2e/screens-<size>-<name>.png, to be looked at,
// and each is checked: everything layout() reports lies inside the
// window, and no two controls overlap (the top bar's, or a panel's).
//
//   make web raftserve WEB=/tmp/x/web
//   RAFTLAB_WEB_DIR=/tmp/x/web node --test --test-reporter=spec e2e/screens.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, center, call } from "./harness.mjs";

const sizes = [[1280, 800], [1024, 768], [800, 600]];

after(shutdown);

// press clicks a named control (or, when the window is too narrow for it,
// the same item in the top bar's "more" menu) and waits until check holds.
async function press(page, name, what, check) {
  let c = (await layout(page)).controls.find((c) => c.name === name);
  if (!c && (await layout(page)).controls.some((c) => c.name === "more")) {
    const more = (await layout(page)).controls.find((c) => c.name === "more");
    await call(page, "click", center(more));
    c = await waitFor(`${name} in the more menu`, async () => (await layout(page)).more?.find((m) => m.name === name), 5_000);
  }
  assert.ok(c, `control ${name} is on screen (for ${what})`);
  await call(page, "click", center(c));
  return waitFor(what, async () => check(await state(page), await layout(page)), 15_000);
}

// key holds a key long enough for the game to see it in a tick.
async function key(page, name) {
  await page.keyboard.down(name);
  await page.waitForTimeout(300);
  await page.keyboard.up(name);
  await page.waitForTimeout(100);
}

// outside lists what layout() puts (partly) outside the window.
function outside(lay, w, h) {
  const boxes = [];
  const add = (what, b) => b && boxes.push({ what, ...b });
  for (const n of lay.nodes) add(`node S${n.id}`, { x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r });
  for (const c of lay.controls) add(`control ${c.name}`, c);
  for (const m of lay.menu) add(`menu item ${m.name}`, m);
  for (const m of lay.more ?? []) add(`more menu row ${m.name}`, m);
  add("timeline", lay.timeline);
  add("top bar", lay.topBar);
  add("feed", lay.feed?.panel);
  add("inspector", lay.inspector);
  if (lay.lesson) {
    add("lesson panel", lay.lesson.panel);
    for (const t of lay.lesson.texts) add(`lesson text "${t.text}"`, t);
  }
  for (const hl of lay.highlights ?? []) add(`highlight ${hl.name}`, hl);
  if (lay.settings) {
    add("settings", lay.settings.panel);
    for (const c of lay.settings.controls) add(`settings control ${c.name}`, c);
  }
  const e = 0.5;
  return boxes.filter((b) => b.x < -e || b.y < -e || b.x + b.w > w + e || b.y + b.h > h + e)
    .map((b) => `${b.what} at (${b.x.toFixed(0)}, ${b.y.toFixed(0)}) ${b.w.toFixed(0)}x${b.h.toFixed(0)}`);
}

// overlaps lists the pairs of boxes that share area (more than half a
// pixel each way).
function overlaps(boxes) {
  const out = [];
  for (let i = 0; i < boxes.length; i++) {
    for (const b of boxes.slice(i + 1)) {
      const a = boxes[i];
      if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) out.push(`${a.name} and ${b.name}`);
    }
  }
  return out;
}

// topBar is the controls in the top bar.
const topBar = (lay) => lay.controls.filter((c) => { const y = c.y + c.h / 2; return y >= lay.topBar.y && y <= lay.topBar.y + lay.topBar.h; });

// shot waits for two fresh frames, saves the screenshot, and checks the
// layout; it returns what was found wrong (as test failures, collected so
// that every screen of the tour is saved and seen).
async function shot(page, size, name, problems) {
  const [w, h] = size;
  await page.mouse.move(w - 2, 2); // no tooltip over the screen
  const f0 = await call(page, "frames");
  await waitFor("two frames", async () => (await call(page, "frames")) >= f0 + 2, 30_000);
  await page.screenshot({ path: path.join(shots, `screens-${w}x${h}-${name}.png`) });
  const lay = await layout(page);
  for (const o of outside(lay, w, h)) problems.push(`${w}x${h} ${name}: outside the window: ${o}`);
  const bar = topBar(lay);
  if (bar.length < 3) problems.push(`${w}x${h} ${name}: only ${bar.length} controls found in the top bar`);
  for (const o of overlaps(bar)) problems.push(`${w}x${h} ${name}: top bar controls overlap: ${o}`);
  // Nor does any other control overlap another (a panel's buttons); over
  // an overlay (help, settings) only its own controls count, since it
  // covers the others.
  let rest = lay.controls.filter((c) => !bar.includes(c));
  if (rest.some((c) => c.name.startsWith("help-"))) rest = rest.filter((c) => c.name.startsWith("help-"));
  if (lay.settings) rest = lay.settings.controls;
  for (const o of overlaps(rest)) problems.push(`${w}x${h} ${name}: controls overlap: ${o}`);
  return lay;
}

for (const size of sizes) {
  const [w, h] = size;
  test(`screens at ${w}x${h}`, async () => {
    const { context, page, errors, url } = await launch({ viewport: { width: w, height: h } });
    const problems = [];
    try {
      await page.goto(url);
      await firstFrame(page);
      assert.equal(await page.evaluate(() => window.raftlab.error), undefined);

      // The sandbox, once a leader is elected.
      const leader = await waitFor("a leader", async () => {
        await call(page, "runFor", [200]);
        return (await state(page)).nodes.find((n) => n.up && n.role === "leader");
      }, 60_000);
      await shot(page, size, "sandbox", problems);

      // A server's menu: click the leader.
      const spot = (await layout(page)).nodes.find((n) => n.id === leader.id);
      await waitFor("the leader's menu", async () => {
        await call(page, "click", [spot.x, spot.y]);
        return (await waitFor("a menu", async () => (await state(page)).menu.length > 0, 3_000).catch(() => false));
      }, 30_000);
      await shot(page, size, "menu", problems);

      // The inspector: Esc closes the menu and keeps the selection.
      await key(page, "Escape");
      let lay = await waitFor("the inspector alone", async () => { const l = await layout(page); return l.menu.length === 0 && l.inspector && l; });
      await shot(page, size, "inspector", problems);
      // (One Esc, then wait: a second one sent before a slow frame saw the
      // first would close what the tour opens next.)
      await key(page, "Escape");
      await waitFor("the selection closed", async () => (await state(page)).selected === 0);

      // The list of lessons.
      await press(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
      await shot(page, size, "lessonlist", problems);

      // A lesson step: lesson 3, step 2 (a predict step).
      assert.equal(await call(page, "openLesson", [3, 2]), true);
      await waitFor("lesson 3 step 2", async () => { const s = await state(page); return s.lesson?.number === 3 && s.lesson.step === 2; });
      lay = await shot(page, size, "lesson", problems);
      assert.ok(lay.lesson.texts.length > 5, "the lesson panel has text");
      await press(page, "lesson-close", "the lesson closed", (s) => s.lesson === null);

      // The help overlay.
      await press(page, "help", "help open", (s) => s.help);
      await shot(page, size, "help", problems);
      await key(page, "Escape");
      await waitFor("Esc closes help", async () => !(await state(page)).help);

      // The settings.
      await press(page, "settings", "settings open", (s, l) => l.settings);
      await shot(page, size, "settings", problems);
    } finally {
      await context.close().catch(() => {});
    }
    assert.deepEqual(problems, [], "every screen fits the window and no two controls overlap");
    assert.deepEqual(errors, [], "no console errors");
  });
}
