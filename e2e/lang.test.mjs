// The language in the browser: ?lang=zh-CN opens RaftLab in Chinese and
// fetches the Chinese fonts while it starts, and Chinese then reaches the
// screen as glyphs (not boxes, not blank); a language RaftLab does not speak is a banner and English; a choice is
// remembered across a reload; the browser's language is the default.
//
//   make e2e-browser     (builds build/web and build/raftserve first)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, waitFor, watch } from "./harness.mjs";

let baseURL;

after(shutdown);

// newContext is a returning visitor's fresh browser context (so that
// remembered choices do not leak between tests), in a browser language.
async function newContext(locale = "en-US", viewport = { width: 1024, height: 768 }) {
  const { context, url } = await launch({ viewport, locale });
  baseURL = url;
  return context;
}

// open loads a link in a page and waits for its first frame, collecting
// page errors.
async function open(context, query) {
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(baseURL + query);
  await firstFrame(page);
  assert.equal(await page.evaluate(() => window.raftlab.error), undefined, "RaftLab started");
  return { page, errors };
}

const fontReady = (page) => waitFor("the Chinese font", async () => {
  const st = await state(page);
  assert.notEqual(st.font, "failed", "the font loads");
  return st.font === "ready";
}, 90_000);

// ink is a screen area as a bitmap of inked pixels: those that differ
// clearly from the area's top-left pixel (the probe's background). The
// screenshot is decoded by the page's own PNG decoder.
async function ink(page, r) {
  const clip = { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.w), height: Math.ceil(r.h) };
  const png = (await page.screenshot({ clip })).toString("base64");
  const bits = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const lum = (i) => 0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2];
    const bg = lum(0);
    const out = [];
    for (let i = 0; i < d.length; i += 4) out.push(Math.abs(lum(i) - bg) > 60 ? 1 : 0);
    return { w: c.width, h: c.height, bits: out };
  }, png);
  bits.at = (x, y) => bits.bits[y * bits.w + x];
  bits.count = bits.bits.reduce((a, b) => a + b, 0);
  return bits;
}

// probe draws text on the page twice (the Go fonts alone, then as the app
// draws text) and returns both lines' ink once a frame or two has drawn it.
async function probe(page, s) {
  const r = await page.evaluate((s) => window.raftlab.probe(s), s);
  assert.equal(r.error, undefined, `probe: ${r.error}`);
  const f = await page.evaluate(() => window.raftlab.frames());
  await waitFor("two frames with the probe", async () => (await page.evaluate(() => window.raftlab.frames())) >= f + 2);
  return { plain: await ink(page, r.plain), drawn: await ink(page, r.drawn), size: r.drawn.h / 1.5 };
}

// bands counts the runs of inked rows in a column range: 一 has one
// horizontal stroke, 二 two, 三 three; a box (what a font without the
// character draws) has inked rows from top to bottom (its sides): one.
function bands(b, x0, x1) {
  let runs = 0, inRun = false;
  for (let y = 0; y < b.h; y++) {
    let row = false;
    for (let x = Math.max(0, x0); x < Math.min(b.w, x1); x++) row ||= b.at(x, y) === 1;
    if (row && !inRun) runs++;
    inRun = row;
  }
  return runs;
}

// cells cuts a line of ideographs (each one em wide, after a half-em
// margin) into its characters' bitmaps, as strings.
function cells(b, size, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    let s = "";
    for (let y = 0; y < b.h; y++) for (let x = Math.round(size / 2 + i * size); x < Math.round(size / 2 + (i + 1) * size); x++) s += b.at(x, y);
    out.push(s);
  }
  return out;
}

// How soon the first frame comes in Chinese, against English, is measured
// by make bench-fps (bench/fps.mjs): a target is a benchmark's, not a timed
// test's.
test("?lang=zh-CN: Chinese, its fonts arrive, and Chinese is drawn as glyphs", async () => {
  const context = await newContext();
  const { page, errors } = await open(context, "?lang=zh-CN");
  const st = await state(page);
  assert.equal(st.lang, "zh-CN");
  assert.ok(["loading", "ready"].includes(st.font), `the font is asked for at once: ${st.font}`);
  const t0 = Date.now();
  await fontReady(page);
  console.log(`the Chinese font was ready ${Date.now() - t0} ms after the first frame was seen`);

  // Known glyphs: 一二三 have one, two and three horizontal strokes.
  let p = await probe(page, "一二三");
  const strokes = [0, 1, 2].map((i) => bands(p.drawn, Math.round(p.size / 2 + i * p.size), Math.round(p.size / 2 + (i + 1) * p.size)));
  assert.deepEqual(strokes, [1, 2, 3], "一二三 are drawn as their strokes");
  // Without the Chinese font they are boxes, each one band of rows (the
  // check above fails on them).
  const boxStrokes = [0, 1, 2].map((i) => bands(p.plain, Math.round(p.size / 2 + i * p.size), Math.round(p.size / 2 + (i + 1) * p.size)));
  assert.notDeepEqual(boxStrokes, [1, 2, 3], `boxes are not strokes: ${boxStrokes}`);

  // Words: inked, every character different, and not the boxes.
  const word = "领导者任期";
  p = await probe(page, word);
  assert.ok(p.drawn.count > 5 * 40, `${word} is not blank: ${p.drawn.count} inked pixels`);
  const cs = cells(p.drawn, p.size, word.length);
  assert.equal(new Set(cs).size, word.length, `each of ${word} is a glyph of its own`);
  let diff = 0;
  for (let i = 0; i < Math.min(p.drawn.bits.length, p.plain.bits.length); i++) diff += p.drawn.bits[i] !== p.plain.bits[i];
  assert.ok(diff > p.drawn.count / 2, `${word} differs from the boxes: ${diff} pixels of ${p.drawn.count}`);
  await page.screenshot({ path: path.join(shots, "lang-probe.png"), clip: { x: 0, y: 0, width: 400, height: 200 } });
  console.log(`probe: 一二三 strokes ${strokes}, boxes ${boxStrokes}; ${word}: ${p.drawn.count} inked, ${diff} differ from the boxes`);
  await page.evaluate(() => window.raftlab.probe(""));
  await page.screenshot({ path: path.join(shots, "lang-zh-1024x768.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("?lang=xx is a banner and English", async () => {
  const context = await newContext();
  const { page, errors } = await open(context, "?lang=xx");
  const st = await state(page);
  assert.equal(st.lang, "en");
  assert.equal(st.font, "none", "English fetches no font");
  assert.ok(await page.locator("#notice").isVisible(), "the banner is shown");
  assert.match(await page.locator("#notice").innerText(), /language "xx" is not available \(available: en, zh-CN\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the language chosen is remembered across a reload; the browser's language is the default", async () => {
  const context = await newContext("zh-CN", { width: 1280, height: 800 });
  let { page, errors } = await open(context, "");
  assert.equal((await state(page)).lang, "zh-CN", "a Chinese browser gets Chinese");
  assert.equal(await page.evaluate(() => window.raftlab.setLang("en")), true);
  assert.equal((await state(page)).lang, "en");
  await page.reload();
  await page.waitForFunction(() => window.raftlab?.ready === true, null, { timeout: 90_000 });
  assert.equal((await state(page)).lang, "en", "the choice outlasts the reload, over the browser's language");
  assert.equal(await page.evaluate(() => window.raftlab.setLang("zh-CN")), true);
  await page.reload();
  await page.waitForFunction(() => window.raftlab?.ready === true, null, { timeout: 90_000 });
  assert.equal((await state(page)).lang, "zh-CN");
  await fontReady(page);
  const f = await page.evaluate(() => window.raftlab.frames());
  await waitFor("a frame with the font", async () => (await page.evaluate(() => window.raftlab.frames())) >= f + 2);
  await page.screenshot({ path: path.join(shots, "lang-zh-1280x800.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the loading page speaks the language chosen last, in the theme chosen last", async () => {
  const context = await newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("raftlab.prefs", JSON.stringify({ welcomed: true, theme: "light", lang: "zh-CN" }));
    }
  });
  const page = await context.newPage();
  await page.goto(baseURL);
  // Before the first frame: the page's own words and colours.
  const early = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    label: document.getElementById("label").textContent,
    // Ebiten paints the body black once it starts; the page behind it and
    // the loading overlay over it are the page's.
    bg: getComputedStyle(document.documentElement).backgroundColor,
    overlay: getComputedStyle(document.getElementById("overlay")).backgroundColor,
  }));
  assert.equal(early.lang, "zh-CN");
  assert.match(early.label, /^正在(加载|下载|启动)/);
  assert.equal(early.bg, "rgb(255, 255, 255)", "no dark flash under a light theme");
  assert.equal(early.overlay, "rgb(255, 255, 255)");
  await page.waitForFunction(() => window.raftlab?.ready === true, null, { timeout: 90_000 });
  assert.equal((await state(page)).lang, "zh-CN", "the app agrees with the page");
  await page.evaluate(() => window.raftlabFail("test"));
  assert.equal(await page.locator("#label").textContent(), "RaftLab 无法启动。");
  assert.equal(await page.locator("#error").textContent(), "错误：test");
  await context.close();
});
