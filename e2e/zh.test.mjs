// The app in Chinese, screen by screen: ?lang=zh-CN at 1280x800 and
// 1024x768 draws Chinese on the main screen, in a lesson step, in the help
// overlay and in the node inspector: glyphs, not a blank and not the boxes
// a font without the characters draws. Each screen is saved as
// build/e2e/zh-<size>-<name>.png, to be looked at (with a server's menu and
// the settings). And a language switch in the middle of a lesson, through
// the settings' Language row, keeps the lesson and its step, both ways.
//
//   make web raftserve WEB=/tmp/x/web
//   RAFTLAB_WEB_DIR=/tmp/x/web node --test --test-reporter=spec e2e/zh.test.mjs
import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, layout, waitFor, center, call } from "./harness.mjs";

after(shutdown);

// cjk matches a Chinese character (an ideograph, or CJK punctuation and
// full-width forms).
const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const cjkCount = (s) => [...s].filter((c) => cjk.test(c)).length;

// control finds a control by name: in layout()'s controls, or in the top
// bar's "more" menu (opened for it) when the window is too narrow.
async function control(page, name) {
  let lay = await layout(page);
  let c = lay.controls.find((c) => c.name === name) ?? lay.settings?.controls.find((c) => c.name === name);
  if (!c && lay.controls.some((c) => c.name === "more")) {
    await call(page, "click", center(lay.controls.find((c) => c.name === "more")));
    c = await waitFor(`${name} in the more menu`, async () => (await layout(page)).more?.find((m) => m.name === name), 10_000);
  }
  assert.ok(c, `control ${name} is on screen`);
  return c;
}

// press clicks a named control and waits until check(state, layout) holds.
async function press(page, name, what, check) {
  await call(page, "click", center(await control(page, name)));
  return waitFor(what, async () => check(await state(page), await layout(page)), 30_000);
}

// key holds a key long enough for the game to see it in a tick.
async function key(page, name) {
  await page.keyboard.down(name);
  await page.waitForTimeout(300);
  await page.keyboard.up(name);
  await page.waitForTimeout(100);
}

// settle waits for two fresh frames (what the last change asked for is
// drawn), with the pointer in a corner so that no tooltip covers the screen.
async function settle(page) {
  const { width, height } = page.viewportSize();
  await page.mouse.move(width - 2, height - 2);
  const f0 = await call(page, "frames");
  await waitFor("two frames", async () => (await call(page, "frames")) >= f0 + 2, 60_000);
}

const fontReady = (page) => waitFor("the Chinese font", async () => {
  const st = await state(page);
  assert.notEqual(st.font, "failed", "the Chinese font loads");
  return st.font === "ready";
}, 120_000);

// pixels reads a screen area's pixels and finds its ink: the pixels whose
// lightness differs clearly from the area's most common one (its
// background). It also finds the boxes a font without the characters
// draws in their place, each a hollow rectangle: the connected ink whose
// four sides are drawn and whose inside is empty. (A real glyph that
// looks like one, 口, has strokes that run past its corners.) The page's
// own PNG decoder reads the screenshot.
async function pixels(page, r) {
  return (await pixelsOf(page, [r]))[0];
}

// pixelsOf reads several areas of one screenshot, as pixels reads one: a
// screenshot waits for a fresh frame, which costs a quarter of a second
// in software rendering, so the lines of a panel share one.
async function pixelsOf(page, rs) {
  const { width, height } = page.viewportSize();
  const clips = rs.map((r) => {
    const x = Math.max(0, Math.floor(r.x)), y = Math.max(0, Math.floor(r.y));
    return { x, y, w: Math.min(width, Math.ceil(r.x + r.w)) - x, h: Math.min(height, Math.ceil(r.y + r.h)) - y };
  });
  const png = (await page.screenshot()).toString("base64");
  return page.evaluate(readInk, { b64: png, clips });
}

// readInk runs in the page: it decodes a screenshot (PNG, base64) and
// finds the ink and boxes of each clip of it, as pixels says.
async function readInk({ b64, clips }) {
  const img = new Image();
  img.src = "data:image/png;base64," + b64;
  await img.decode();
  const c = document.createElement("canvas");
  c.width = img.width; c.height = img.height;
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  return clips.map((clip) => inkOf(clip.w, clip.h, ctx.getImageData(clip.x, clip.y, clip.w, clip.h).data));

function inkOf(w, h, d) {
  const lum = new Float32Array(w * h);
  const hist = new Map();
  for (let i = 0; i < w * h; i++) {
    lum[i] = 0.3 * d[4 * i] + 0.59 * d[4 * i + 1] + 0.11 * d[4 * i + 2];
    const k = Math.round(lum[i] / 4);
    hist.set(k, (hist.get(k) ?? 0) + 1);
  }
  let bgKey = 0, most = -1;
  for (const [k, n] of hist) if (n > most) { most = n; bgKey = k; }
  const bg = bgKey * 4;
  // ink is what differs clearly; faint what differs at all (a box's
  // thin side between two rows of pixels is faint in both).
  const ink = new Uint8Array(w * h), faint = new Uint8Array(w * h);
  let count = 0;
  for (let i = 0; i < w * h; i++) {
    const diff = Math.abs(lum[i] - bg);
    if (diff > 60) { ink[i] = 1; count++; }
    if (diff > 25) faint[i] = 1;
  }
  // Connected faint ink (8 neighbours), each with its bounding box.
  const seen = new Uint8Array(w * h);
  const boxes = [];
  for (let i = 0; i < w * h; i++) {
    if (!faint[i] || seen[i]) continue;
    let x0 = w, y0 = h, x1 = -1, y1 = -1, n = 0;
    const stack = [i];
    seen[i] = 1;
    while (stack.length) {
      const j = stack.pop();
      const px = j % w, py = (j - px) / w;
      n++;
      x0 = Math.min(x0, px); x1 = Math.max(x1, px); y0 = Math.min(y0, py); y1 = Math.max(y1, py);
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const qx = px + dx, qy = py + dy;
        if (qx < 0 || qy < 0 || qx >= w || qy >= h) continue;
        const q = qy * w + qx;
        if (faint[q] && !seen[q]) { seen[q] = 1; stack.push(q); }
      }
    }
    const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    if (bw < 5 || bh < 7 || bh > 60 || bh < bw) continue;
    // Each side drawn along its whole length, square corners included
    // (an o is round), and the inside (two pixels in) empty.
    const at = (px, py) => faint[py * w + px];
    const side = (fn, len) => { let k = 0; for (let t = 0; t < len; t++) k += fn(t); return k / len; };
    const sides = [
      side((t) => at(x0 + t, y0), bw),
      side((t) => at(x0 + t, y1), bw),
      side((t) => at(x0, y0 + t), bh),
      side((t) => at(x1, y0 + t), bh),
    ];
    let inside = 0, area = 0;
    for (let py = y0 + 2; py <= y1 - 2; py++) for (let px = x0 + 2; px <= x1 - 2; px++) { area++; inside += at(px, py); }
    if (sides.every((s) => s === 1) && area > 0 && inside / area <= 0.1) boxes.push({ x: x0, y: y0, w: bw, h: bh });
  }
  return { w, h, count, boxes, ink: Array.from(ink).join("") };
}
}

// differing counts the pixels inked in one of two same-sized reads but not
// in the other.
function differing(a, b) {
  let n = 0;
  for (let i = 0; i < Math.min(a.ink.length, b.ink.length); i++) n += a.ink[i] !== b.ink[i];
  return n;
}

// chineseLines checks the lines of text layout() lists (the lesson panel's,
// the feed's) that are in Chinese: each is drawn (inked, at least a few
// pixels per character) and holds no box. It returns how many it checked,
// and adds what it finds wrong to problems.
async function chineseLines(page, lines, where, problems) {
  const chinese = lines.filter((t) => cjkCount(t.text) >= 2 && t.w > 0 && t.h > 0);
  const ps = await pixelsOf(page, chinese);
  let n = 0;
  for (const [i, t] of chinese.entries()) {
    const p = ps[i];
    n++;
    if (p.count < 5 * cjkCount(t.text)) problems.push(`${where}: "${t.text}" is (nearly) blank: ${p.count} inked pixels`);
    if (p.boxes.length > 0) problems.push(`${where}: "${t.text}" has ${p.boxes.length} boxes for characters`);
  }
  return n;
}

// outsideOf lists the lines of text that stick out of a panel, sideways.
const outsideOf = (panel, items) => items.filter((t) => t.x < panel.x - 0.5 || t.x + t.w > panel.x + panel.w + 0.5)
  .map((t) => `"${t.text ?? t.name}" at x ${t.x.toFixed(0)}..${(t.x + t.w).toFixed(0)}, panel ${panel.x.toFixed(0)}..${(panel.x + panel.w).toFixed(0)}`);

// overlapping lists the pairs of lines of text that overlap: sideways by
// more than a pixel, and by more than a third of a line's height (a box
// is the font's ascent and descent, which the Chinese font makes taller
// than its glyphs and than the lines' spacing).
function overlapping(items) {
  const out = [];
  for (let i = 0; i < items.length; i++) {
    for (const b of items.slice(i + 1)) {
      const a = items[i];
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && dy > Math.min(a.h, b.h) / 3) out.push(`"${a.text}" and "${b.text}"`);
    }
  }
  return out;
}

// againInEnglish reads a panel's pixels in English and switches back to
// Chinese: the same screen (the simulation paused) in the other language.
async function againInEnglish(page, area) {
  assert.equal(await call(page, "setLang", ["en"]), true);
  await waitFor("English", async () => (await state(page)).lang === "en");
  await settle(page);
  const en = await pixels(page, await area());
  assert.equal(await call(page, "setLang", ["zh-CN"]), true);
  await waitFor("Chinese", async () => (await state(page)).lang === "zh-CN");
  await settle(page);
  return en;
}

// newPage opens a link in a fresh returning visitor's context of a size,
// waits for the first frame and collects page errors.
async function newPage(size, query) {
  const [w, h] = size;
  const { context, page, errors, url } = await launch({ viewport: { width: w, height: h } });
  await page.goto(url + query);
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined, "RaftLab started");
  return { context, page, errors };
}

// The sizes run at once, a page each: much of a page's time is waiting
// for its frames, which the other page fills.
describe("Chinese at two sizes", { concurrency: true }, () => {
  for (const size of [[1280, 800], [1024, 768]]) {
    const [w, h] = size;
    test(`?lang=zh-CN at ${w}x${h}: the main screen, a lesson step, help and the inspector draw Chinese`, async () => {
      const { context, page, errors } = await newPage(size, "?lang=zh-CN");
      const problems = [];
      const shot = async (name) => {
        await settle(page);
        await page.screenshot({ path: path.join(shots, `zh-${w}x${h}-${name}.png`) });
      };
      try {
        assert.equal((await state(page)).lang, "zh-CN");
        await fontReady(page);

        // The box finder finds the boxes a font without Chinese draws (the
        // probe's first line, the Go fonts alone), and none in the glyphs.
        const pr = await call(page, "probe", ["领导者任期"]);
        await settle(page);
        const boxes = (await pixels(page, pr.plain)).boxes.length, glyphs = await pixels(page, pr.drawn);
        assert.ok(boxes >= 4, `the boxes of a font without Chinese are found: ${boxes} of 5`);
        assert.equal(glyphs.boxes.length, 0, "Chinese glyphs are not boxes");
        await call(page, "probe", [""]);

        // The main screen, once a leader is elected, paused (so that only
        // the language changes it, below).
        await waitFor("a leader", async () => {
          await call(page, "runFor", [200]);
          return (await state(page)).nodes.find((n) => n.up && n.role === "leader");
        }, 90_000);
        if (!(await state(page)).paused) await press(page, "play", "paused", (s) => s.paused);
        await shot("main");
        let lay = await layout(page);
        const feedLines = await chineseLines(page, lay.feed.rows, "main screen feed", problems);
        if (feedLines < 3) problems.push(`main screen: the feed has ${feedLines} lines in Chinese: ${lay.feed.rows.slice(0, 3).map((r) => r.text).join(" / ")}`);
        // The top bar and the right-hand column (safety monitor, feed):
        // inked, no box anywhere.
        for (const [name, r] of [["top bar", lay.topBar], ["right column", { x: lay.feed.panel.x, y: lay.topBar.y + lay.topBar.h, w: w - lay.feed.panel.x, h: lay.timeline.y - lay.topBar.h - 20 }]]) {
          const p = await pixels(page, r);
          if (p.boxes.length) problems.push(`main screen ${name}: ${p.boxes.length} boxes for characters, the first at (${p.boxes[0].x}, ${p.boxes[0].y})`);
          assert.ok(p.count > 200, `main screen ${name} is drawn: ${p.count} inked pixels`);
        }

        // A lesson step with text: lesson 5 from the list, step 3 from the
        // step strip.
        await press(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
        await press(page, "lesson-open-5", "lesson 5", (s) => s.lesson?.number === 5);
        let st = await press(page, "lesson-step-3", "lesson 5 step 3", (s) => s.lesson?.step === 3 && s);
        assert.ok(cjk.test(st.lesson.title), `the lesson's title is Chinese: ${st.lesson.title}`);
        await shot("lesson");
        lay = await layout(page);
        const lessonLines = await chineseLines(page, lay.lesson.texts, "lesson 5 step 3", problems);
        if (lessonLines < 5) problems.push(`lesson 5 step 3: ${lessonLines} lines in Chinese`);
        for (const o of outsideOf(lay.lesson.panel, lay.lesson.texts)) problems.push(`lesson 5 step 3: text outside the panel: ${o}`);
        for (const o of overlapping(lay.lesson.texts)) problems.push(`lesson 5 step 3: lines overlap: ${o}`);
        if (lay.lesson.ellipsized) problems.push(`lesson 5 step 3: ${lay.lesson.ellipsized} lines cut short with …: ${lay.lesson.texts.filter((t) => t.text.endsWith("…")).map((t) => t.text).join(" / ")}`);
        await press(page, "lesson-close", "the lesson closed", (s) => s.lesson === null);

        // The help overlay: drawn, no box, and not what it is in English.
        await press(page, "help", "help open", (s) => s.help);
        await shot("help");
        const helpArea = async () => (await layout(page)).help.panel;
        const zhHelp = await pixels(page, await helpArea());
        if (zhHelp.boxes.length) problems.push(`help: ${zhHelp.boxes.length} boxes for characters, the first at (${zhHelp.boxes[0].x}, ${zhHelp.boxes[0].y}) in the panel`);
        const enHelp = await againInEnglish(page, helpArea);
        const helpDiff = differing(zhHelp, enHelp);
        if (!(helpDiff > zhHelp.count / 4)) problems.push(`help: drawn as in English: ${helpDiff} pixels differ, of ${zhHelp.count} inked`);
        await key(page, "Escape");
        await waitFor("Esc closes help", async () => !(await state(page)).help);

        // The inspector: click the leader (its menu opens), Esc keeps the
        // selection and closes the menu.
        const leader = (await state(page)).nodes.find((n) => n.up && n.role === "leader");
        const spot = (await layout(page)).nodes.find((n) => n.id === leader.id);
        await waitFor("the leader's menu", async () => {
          await call(page, "click", [spot.x, spot.y]);
          return waitFor("a menu", async () => (await state(page)).menu.length > 0, 5_000).catch(() => false);
        }, 60_000);
        await shot("menu");
        await key(page, "Escape");
        await waitFor("the inspector alone", async () => { const l = await layout(page); return l.menu.length === 0 && l.inspector; });
        await shot("inspector");
        const inspectorArea = async () => (await layout(page)).inspector;
        const zhInsp = await pixels(page, await inspectorArea());
        if (zhInsp.boxes.length) problems.push(`inspector: ${zhInsp.boxes.length} boxes for characters, the first at (${zhInsp.boxes[0].x}, ${zhInsp.boxes[0].y}) in the panel`);
        const enInsp = await againInEnglish(page, inspectorArea);
        const inspDiff = differing(zhInsp, enInsp);
        if (!(inspDiff > zhInsp.count / 4)) problems.push(`inspector: drawn as in English: ${inspDiff} pixels differ, of ${zhInsp.count} inked`);
        await key(page, "Escape");
        await waitFor("the selection closed", async () => (await state(page)).selected === 0);

        // The settings, to be looked at: no box in them.
        lay = await press(page, "settings", "settings open", (s, l) => l.settings && l);
        await shot("settings");
        const set = await pixels(page, lay.settings.panel);
        if (set.boxes.length) problems.push(`settings: ${set.boxes.length} boxes for characters, the first at (${set.boxes[0].x}, ${set.boxes[0].y}) in the panel`);
        console.log(`${w}x${h}: ${feedLines} feed lines and ${lessonLines} lesson lines in Chinese checked; help differs from English in ${helpDiff} of ${zhHelp.count} inked pixels, the inspector in ${inspDiff} of ${zhInsp.count}`);
      } finally {
        await context.close().catch(() => {});
      }
      assert.deepEqual(problems, [], "Chinese is drawn on every screen, inside its panel");
      assert.deepEqual(errors, [], "no console errors");
    });
  }
});

test("switching the language in the middle of a lesson keeps the lesson and its step, both ways", async () => {
  const size = [1024, 768];
  const { context, page, errors } = await newPage(size, "?lang=en");
  try {
    assert.equal((await state(page)).lang, "en");
    // Lesson 2 from the list, played to step 3: each step done (Skip a
    // wait, Show me a task, play a paused watch), then Continue.
    await press(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
    let st = await press(page, "lesson-open-2", "lesson 2", (s) => s.lesson?.number === 2 && s);
    while (st.lesson.step < 3) {
      const step = st.lesson.step;
      await waitFor(`step ${step} done`, async () => {
        const s = await state(page);
        if (s.lesson.done) return true;
        const names = (await layout(page)).controls.map((c) => c.name);
        const act = ["lesson-skip", "lesson-showme", "lesson-resume"].find((n) => names.includes(n));
        if (act) await call(page, "click", center(await control(page, act)));
        else if (s.paused) await call(page, "click", center(await control(page, "play")));
        await page.waitForTimeout(500);
        return false;
      }, 90_000);
      st = await press(page, "lesson-next", `step ${step + 1}`, (s) => s.lesson.step === step + 1 && s);
    }
    // Step 3 is a prediction: answer it, and let it play to its end, so
    // that the switch has more to keep and the text stands still.
    if (st.lesson.kind === "predict") st = await press(page, "lesson-choice-1", "the answer", (s) => s.lesson.answered && s);
    st = await waitFor("step 3 done", async () => { const s = await state(page); return s.lesson.done && s; }, 90_000);
    const english = st.lesson;
    const englishTexts = (await layout(page)).lesson.texts.map((t) => t.text);
    assert.ok(!englishTexts.some((t) => cjk.test(t)), "the lesson is in English first");
    await settle(page);
    await page.screenshot({ path: path.join(shots, "zh-switch-1024x768-en.png") });

    // To Chinese through the settings' Language row, then Cancel (which
    // keeps the language: it is no setting of the run).
    const viaSettings = async (lang) => {
      await press(page, "settings", "settings open", (s, l) => l.settings);
      await press(page, "set-lang-next", `the app in ${lang}`, (s) => s.lang === lang);
      await press(page, "set-cancel", "settings closed", (s, l) => !l.settings);
      return state(page);
    };
    st = await viaSettings("zh-CN");
    assert.deepEqual([st.lesson?.number, st.lesson?.step, st.lesson?.steps, st.lesson?.kind, st.lesson?.answered],
      [english.number, english.step, english.steps, english.kind, english.answered], "the same lesson, at the same step, still answered");
    assert.ok(cjk.test(st.lesson.title), `the lesson's title is Chinese: ${st.lesson.title}`);
    await fontReady(page);
    await settle(page);
    await page.screenshot({ path: path.join(shots, "zh-switch-1024x768-zh.png") });
    let lay = await layout(page);
    const chinese = lay.lesson.texts.filter((t) => cjkCount(t.text) >= 2);
    assert.ok(chinese.length >= 3, `the panel's text is Chinese: ${lay.lesson.texts.map((t) => t.text).join(" / ")}`);
    // (Checked at the end, so that a failure here does not hide how the
    // switch back goes.)
    const problems = [];
    await chineseLines(page, lay.lesson.texts, "after the switch", problems);

    // And back to English (the row goes round its two languages).
    st = await viaSettings("en");
    assert.deepEqual([st.lesson?.number, st.lesson?.step, st.lesson?.kind, st.lesson?.answered, st.lesson?.title],
      [english.number, english.step, english.kind, english.answered, english.title], "the same lesson and step, in English again");
    lay = await layout(page);
    assert.ok(!lay.lesson.texts.some((t) => cjk.test(t.text)), `the panel's text is English again: ${lay.lesson.texts.map((t) => t.text).join(" / ")}`);
    assert.deepEqual(lay.lesson.texts.map((t) => t.text), englishTexts, "the same text as before the switch");
    assert.deepEqual(problems, [], "the lesson's Chinese is drawn, once the font has arrived");
  } finally {
    await context.close().catch(() => {});
  }
  assert.deepEqual(errors, [], "no console errors");
});
