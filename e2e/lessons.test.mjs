// The lessons' browser test: for each bundled lesson, its longest step (the
// most words of narration and explanation, as `raftsim lesson stats --json`
// counts them) at 1024x768 and at 1280x800 (the two sizes in parallel
// pages), before and after it is played out (its explanation shown). Every
// line of the lesson panel's text must stay inside the panel, uncut
// (window.raftlab.layout().lesson). A screenshot of each step, played out,
// goes to build/e2e/lessons-WxH-NN-step-M.png.
//
//   make web raftserve && node --test --test-reporter=spec e2e/lessons.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { root, launch, shutdown, shots, firstFrame } from "./harness.mjs";



// The longest step of every bundled lesson, from the Go side's counts.
function longestSteps() {
  const out = execFileSync(process.env.GO ?? "go", ["run", "./cmd/raftsim", "lesson", "stats", "--all", "--json"], { cwd: root, encoding: "utf8", maxBuffer: 16 << 20 });
  return JSON.parse(out).map((l) => {
    const best = l.steps.reduce((a, s) => (s.narration + s.explanation > a.narration + a.explanation ? s : a));
    return { number: l.number, name: l.name, step: best.step, kind: best.kind, words: best.narration + best.explanation };
  });
}

after(shutdown);

// call calls window.raftlab[fn](...args), retrying in the page while a
// frame is being drawn (the hooks answer {error: "busy ..."}): a round
// trip per call, not per try.
const call = (page, fn, ...args) => page.evaluate(async ([fn, args]) => {
  const end = Date.now() + 30_000;
  for (;;) {
    const v = window.raftlab[fn](...args);
    if (!String(v?.error ?? "").startsWith("busy") || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
}, [fn, args]);

// until polls fn until it returns a truthy value (a busy frame answers
// {error}), which it returns.
async function until(what, fn, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v && !v.error) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// press clicks a control by name, through the click hook (the game's own
// hit-testing, at the control's centre), and reports whether it was there.
async function press(page, name) {
  const lay = await until("the layout", () => call(page, "layout"));
  const b = lay.controls.find((c) => c.name === name);
  if (!b) return false;
  await until(`a click on ${name}`, () => call(page, "click", b.x + b.w / 2, b.y + b.h / 2));
  return true;
}

// panelProblems lists the lines of the lesson panel's text that leave the
// panel or are cut short.
function panelProblems(lesson, where) {
  const p = lesson.panel, eps = 0.5, out = [];
  for (const t of lesson.texts) {
    if (t.x < p.x - eps || t.x + t.w > p.x + p.w + eps || t.y < p.y - eps || t.y + t.h > p.y + p.h + eps) {
      out.push(`${where}: "${t.text}" at x ${t.x.toFixed(0)}..${(t.x + t.w).toFixed(0)}, y ${t.y.toFixed(0)}..${(t.y + t.h).toFixed(0)} leaves the panel x ${p.x.toFixed(0)}..${(p.x + p.w).toFixed(0)}, y ${p.y.toFixed(0)}..${(p.y + p.h).toFixed(0)}`);
    }
    if (t.text.endsWith("…")) out.push(`${where}: "${t.text}" is cut short`);
  }
  return out;
}

// shot saves a screenshot once a frame has drawn what the hooks report.
async function shot(page, name) {
  const f = await until("a frame", () => call(page, "frames"));
  await until("the next frame", async () => (await call(page, "frames")) > f);
  await page.screenshot({ path: path.join(shots, name), caret: "initial" });
}

// playOut plays a step out the quickest way, so that its explanation
// shows: a predict step answered with its first choice, a do step shown.
async function playOut(page, s, where) {
  for (let i = 0; ; i++) {
    const ls = (await until("the state", () => call(page, "state"))).lesson;
    if (ls.done) return;
    assert.ok(i < 20, `${where} is not done after ${i} tries`);
    if (s.kind === "predict" && !ls.answered) assert.ok(await press(page, "lesson-choice-1"), `${where}: no choice 1`);
    if (s.kind === "do") await press(page, "lesson-showme");
    await until("runFor", () => call(page, "runFor", 600_000));
  }
}

// checkSize opens every lesson's longest step at one size and returns the
// problems found.
async function checkSize(size, diagnostic) {
  const { context, page, errors, url } = await launch({ viewport: size });
  try {
    // The etcd build: it has both engines, and lesson 18 runs on etcd's
    // (the default build would reload into it).
    await page.goto(`${url}?engine=etcd`);
    await firstFrame(page);
    assert.equal(await page.evaluate(() => window.raftlab.error ?? null), null);
    // The pointer stays off the panel: no tooltip covers the text.
    await page.mouse.move(2, size.height / 2);

    const problems = [];
    for (const s of steps) {
      const name = `lessons-${size.width}x${size.height}-${String(s.number).padStart(2, "0")}-step-${s.step}`;
      const where = `${s.name} step ${s.step} (${s.kind}, ${s.words} words) at ${size.width}x${size.height}`;
      assert.equal(await until("openLesson", () => call(page, "openLesson", s.number, s.step)), true);
      const st = (await until("the state", () => call(page, "state"))).lesson;
      assert.equal(st.number, s.number, where);
      assert.equal(st.step, s.step, where);
      problems.push(...panelProblems((await until("the layout", () => call(page, "layout"))).lesson, where));

      await playOut(page, s, where);
      const lay = await until("the layout", () => call(page, "layout"));
      problems.push(...panelProblems(lay.lesson, `${where}, done`));
      if (lay.lesson.more) diagnostic(`${where}: the text runs on below the panel (the learner scrolls)`);
      await shot(page, `${name}.png`);
    }
    assert.deepEqual(errors, []);
    return problems;
  } finally {
    await context.close().catch(() => {});
  }
}

const sizes = [{ width: 1024, height: 768 }, { width: 1280, height: 800 }];
const steps = longestSteps();

test("the longest step of each lesson fits", { timeout: 240_000, concurrency: sizes.length }, async (t) => {
  await Promise.all(sizes.map((size) => t.test(`at ${size.width}x${size.height}`, async (st) => {
    const problems = await checkSize(size, (msg) => st.diagnostic(msg));
    assert.deepEqual(problems, [], problems.join("\n"));
  })));
});
