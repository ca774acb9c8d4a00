// Links in the browser: the parameters that chat apps and course platforms
// add to a shared link are ignored, and a known parameter with a bad value
// is a one-line banner while the sandbox starts anyway (the decisions are
// wasm/options.go's; this checks what the page makes of them).
//
//   make e2e-browser     (builds build/web and build/raftserve first)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, layout, waitFor, watch } from "./harness.mjs";

// The tests share a browser context.
let shared;

after(shutdown);

// open loads the page at a link and waits for its first frame (or its
// error), collecting console errors and console info lines.
async function open(query) {
  shared ??= launch({ viewport: { width: 1024, height: 768 } });
  const { context, url } = await shared;
  const page = await context.newPage();
  const errors = watch(page), info = [];
  page.on("console", (m) => { if (m.type() === "info") info.push(m.text()); });
  await page.goto(url + query);
  await firstFrame(page);
  return { page, errors, info };
}

// running checks that RaftLab started in the sandbox and that a leader is
// elected (the default speed is slow: run the simulation ahead).
async function running(page) {
  const r = await page.evaluate(() => ({ ready: window.raftlab.ready, error: window.raftlab.error }));
  assert.deepEqual(r, { ready: true, error: undefined }, "RaftLab started");
  assert.equal(await page.locator("#error").isVisible(), false, "no error on the page");
  const st = await page.evaluate(() => { window.raftlab.runFor(5000); return window.raftlab.state(); });
  assert.equal(st.name, "Sandbox");
  assert.equal(st.lesson, null, "no lesson open");
  assert.ok(st.nodes.some((n) => n.up && n.role === "leader"), "a leader is elected");
}

const bannerText = (page) => page.locator("#notice").innerText();

// coversNothing checks that the banner hides nothing of the playground: it
// sits at the window's foot, the canvas ends above it (and so S1's label,
// at the top of the cluster, and the timeline are clear of it), once the
// playground has been laid out again for the height left.
async function coversNothing(page, viewH) {
  const banner = await page.locator("#notice").boundingBox();
  assert.ok(Math.abs(banner.y + banner.height - viewH) < 1, `the banner is at the foot: ${JSON.stringify(banner)}`);
  const lay = await waitFor("the playground laid out above the banner", async () => {
    const l = await layout(page);
    const canvas = await page.evaluate(() => document.querySelector("canvas").getBoundingClientRect().toJSON());
    return canvas.top === 0 && canvas.bottom <= banner.y + 0.5 && l.timeline.y + l.timeline.h <= banner.y ? l : null;
  });
  const s1 = lay.labels.find((b) => b.name === "S1");
  assert.ok(s1, `S1 has a label: ${JSON.stringify(lay.labels)}`);
  const apart = (a, b) => a.x + a.w <= b.x || b.x + b.width <= a.x || a.y + a.h <= b.y || b.y + b.height <= a.y;
  assert.ok(apart(s1, banner), `the banner ${JSON.stringify(banner)} does not cover S1's label ${JSON.stringify(s1)}`);
}

test("parameters a shared link gains are ignored: no banner, a console line", async () => {
  const { page, errors, info } = await open("?utm_source=x&fbclid=y&hl=zh");
  await running(page);
  assert.equal(await page.locator("#notice").isVisible(), false, "no banner");
  assert.equal(await page.evaluate(() => window.raftlab.notice), undefined);
  assert.ok(info.some((l) => /ignores these URL parameters: fbclid, hl, utm_source/.test(l)), `a console line names them: ${info}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("?lesson=99 is a banner naming the problem, and the sandbox runs", async () => {
  const { page, errors } = await open("?lesson=99");
  await running(page);
  assert.ok(await page.locator("#notice").isVisible(), "the banner is shown");
  const text = await bannerText(page);
  assert.match(text, /there is no lesson 99 \(the lessons are numbered 1 to 19\)/);
  const box = await page.locator("#notice").boundingBox();
  assert.ok(box.height < 40, `one line at 1024x768: ${box.height} px high`);
  await coversNothing(page, 768);
  await page.mouse.move(1020, 400);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(shots, "urlparams-lesson99-1024x768.png") });
  // Closing the banner leaves the playground, which takes the whole
  // window again.
  await page.locator("#notice button").click();
  assert.equal(await page.locator("#notice").isVisible(), false, "the banner closes");
  await waitFor("the playground back to the window's height", async () => (await layout(page)).timeline.y > 768 - 64);
  assert.deepEqual(errors, []);
  await page.close();
});

test("?scenario=nope&utm_source=x is a banner naming the scenario, and the sandbox runs", async () => {
  const { page, errors } = await open("?scenario=nope&utm_source=x");
  await running(page);
  assert.ok(await page.locator("#notice").isVisible(), "the banner is shown");
  const text = await bannerText(page);
  assert.match(text, /no bundled scenario named "nope" \(have: .*figure7/);
  assert.doesNotMatch(text, /utm_source/, "the ignored parameter is not a problem");
  let box = await page.locator("#notice").boundingBox();
  assert.ok(box.height < 40, `one line at 1024x768: ${box.height} px high`);
  await page.mouse.move(1020, 400);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(shots, "urlparams-bad-scenario-1024x768.png") });
  // The list of scenarios does not fit on one line: a click shows it all.
  await page.locator("#notice span").click();
  box = await page.locator("#notice").boundingBox();
  assert.ok(box.height > 40, `opened, the banner shows every line: ${box.height} px high`);
  await coversNothing(page, 768);
  await page.mouse.move(1020, 400);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(shots, "urlparams-bad-scenario-open-1024x768.png") });
  assert.deepEqual(errors, []);
  await page.close();
});
