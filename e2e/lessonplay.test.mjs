// Three lesson traps, in the browser, played as a learner plays them:
// Play pressed during a predict step pauses it, and the panel says so and
// offers Resume; a lesson runs at its own speed, whatever the sandbox had,
// shows its progress and lets the learner skip ahead, and gives the
// sandbox's speed back on Close; a do step that sends a write to S1
// highlights the control that targets S1, and clicking the highlighted
// controls does the step.
//
//   make web raftserve WEB=/tmp/x/web
//   RAFTLAB_WEB_DIR=/tmp/x/web node --test --test-reporter=spec e2e/lessonplay.test.mjs
import { test, afterEach, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { root, launch, closeContexts, shutdown, shots, firstFrame, state, layout, waitFor, center } from "./harness.mjs";

// A finished test's page would go on simulating and take the CPU from the
// tests after it.
afterEach(closeContexts);
after(shutdown);

// open starts a fresh browser context (no lesson progress), loads the
// page at a link and waits for its first frame, collecting console errors.
async function open(query = "") {
  const { page, errors, url } = await launch({ viewport: { width: 1280, height: 800 } });
  await page.goto(url + query);
  await firstFrame(page);
  return { page, errors };
}

// clickAt clicks at (x, y) inside the page (window.raftlab.click: the
// game's own hit-testing), retrying while the page is busy drawing.
async function clickAt(page, x, y, what) {
  for (let i = 0; i < 50; i++) {
    const r = await page.evaluate(([x, y]) => window.raftlab.click(x, y), [x, y]);
    if (r === true) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the page stayed busy: ${what} was not clicked`);
}

// press clicks a named control at its centre, then waits until
// check(state) holds, and returns that state.
async function press(page, name, what, check, timeoutMs = 15_000) {
  const c = (await layout(page)).controls.find((c) => c.name === name);
  assert.ok(c, `control ${name} is on screen (to get ${what})`);
  await clickAt(page, ...center(c), name);
  return waitFor(what, async () => { const s = await state(page); return check(s) && s; }, timeoutMs);
}

const controlNames = async (page) => (await layout(page)).controls.map((c) => c.name);
const lessonTexts = async (page) => ((await layout(page)).lesson?.texts ?? []).map((t) => t.text).join("\n");

// stepSpeed is the speed a lesson's step says it plays at (its own
// speed:, else the lesson's, else the default 1/50x), read from the
// lesson's Markdown as the lesson engine reads it.
function stepSpeed(file, step) {
  const md = readFileSync(path.join(root, "lessons", file), "utf8");
  const header = md.split(/^---$/m)[1] ?? "";
  const lessonSpeed = /^speed:\s*(\S+)/m.exec(header)?.[1];
  const section = md.split(/^## /m)[step] ?? "";
  const own = /^speed:\s*(\S+)/m.exec(section.split(/\n\n/)[0])?.[1];
  return own ?? lessonSpeed ?? "1/50x";
}

test("Play pressed in a predict step pauses it: the panel says so and offers Resume", async () => {
  const { page, errors } = await open("?lesson=1&step=2");
  let st = await state(page);
  assert.deepEqual([st.lesson?.number, st.lesson?.step, st.lesson?.kind], [1, 2, "predict"]);

  // Answer: the simulation plays by itself.
  st = await press(page, "lesson-choice-1", "the answer taken", (s) => s.lesson.answered);
  assert.equal(st.paused, false, "an answer plays the simulation");
  assert.equal(st.lesson.done, false);

  // The learner, told to press play in step 1, presses Play/Pause.
  st = await press(page, "play", "the simulation paused", (s) => s.paused);
  assert.equal(st.lesson.done, false, "paused before the step's end");
  const text = await lessonTexts(page);
  assert.doesNotMatch(text, /Watch what happens/);
  assert.doesNotMatch(text, /Paused|[Pp]ress play/, `said once, in the wait strip beside Resume, not in the panel too: ${text}`);
  assert.ok((await controlNames(page)).includes("lesson-resume"), "the panel offers Resume");
  const lay = await layout(page);
  assert.match(lay.lesson.wait?.text ?? "", /Paused/, "the wait strip says paused");
  await page.screenshot({ path: path.join(shots, "lessonplay-paused.png") });

  // Paused, it stays where it was.
  const at = st.nowMs;
  await page.waitForTimeout(1_000);
  assert.equal((await state(page)).nowMs, at, "nothing runs while paused");

  // Resume: the step plays on to its end (at 1x, as a learner may raise
  // it, so that a slow page gets there sooner).
  st = await press(page, "lesson-resume", "playing again", (s) => !s.paused || s.lesson.done);
  assert.doesNotMatch(await lessonTexts(page), /Paused/);
  await waitFor("the simulation running on", async () => { const s = await state(page); return (s.nowMs > at || s.lesson.done) && s; });
  for (let i = 0; i < 12 && !st.lesson.done && st.speed !== "1x"; i++) {
    const was = st.speed;
    st = await press(page, "faster", `a speed above ${was}`, (s) => s.speed !== was || s.lesson.done);
  }
  st = await waitFor("step 2 done", async () => { const s = await state(page); return s.lesson.done && s; }, 90_000);
  assert.ok(st.nowMs > at, "the simulation ran on");
  assert.match(await lessonTexts(page), /Right: that is what happened/);
  assert.deepEqual(errors, [], "no console errors");
});

test("a lesson plays at its own speed, shows its progress, skips ahead, and gives the sandbox's speed back", async () => {
  const { page, errors } = await open();
  let st = await state(page);
  assert.equal(st.lesson, null);

  // The sandbox at 1x, as a learner who sped it up has it.
  for (let i = 0; i < 12 && st.speed !== "1x"; i++) {
    const was = st.speed;
    st = await press(page, "faster", `a speed above ${was}`, (s) => s.speed !== was);
  }
  assert.equal(st.speed, "1x");

  // Lesson 1 from the list: its first step plays at the lesson's speed.
  await press(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
  st = await press(page, "lesson-open-1", "lesson 1", (s) => s.lesson?.number === 1);
  assert.deepEqual([st.lesson.step, st.lesson.kind, st.paused], [1, "watch", true]);
  const want = stepSpeed("01-why-consensus.md", 1);
  assert.equal(st.speed, want, `step 1 plays at its lesson's speed (${want}), not the sandbox's 1x`);
  let wait = (await layout(page)).lesson.wait;
  assert.ok(wait, "the wait strip shows before play");
  assert.match(wait.text, /[Pp]lay/, "it says to press play");
  assert.ok((await controlNames(page)).includes("lesson-skip"), "Skip is offered");

  // Play: while the step runs the strip counts down and its bar fills.
  // (One call inside the page, so that a slow page cannot let the step end
  // between the checks: at 1/50x it lasts seconds; the bar is watched for
  // up to 3 s, since a busy machine may draw a frame a second.)
  const seen = await page.evaluate(async () => {
    const r = window.raftlab;
    const ctl = (n) => r.layout().controls.find((c) => c.name === n);
    const clickCtl = async (n) => {
      for (let i = 0; i < 50; i++) {
        const c = ctl(n);
        if (!c) return false;
        if (r.click(c.x + c.w / 2, c.y + c.h / 2) === true) return true;
        await new Promise((ok) => setTimeout(ok, 20));
      }
      return false;
    };
    const get = async (f) => {
      for (let i = 0; i < 100; i++) {
        const v = f();
        if (!v?.error) return v;
        await new Promise((ok) => setTimeout(ok, 10));
      }
      return null;
    };
    const out = {};
    out.played = await clickCtl("lesson-resume");
    out.first = (await get(() => r.layout())).lesson.wait;
    const end = performance.now() + 3_000;
    do {
      await new Promise((ok) => setTimeout(ok, 100));
      out.later = (await get(() => r.layout())).lesson.wait;
    } while (!(out.later?.progress > out.first?.progress) && performance.now() < end);
    out.beforeSkip = await get(() => r.state());
    out.skipped = await clickCtl("lesson-skip");
    return out;
  });
  assert.ok(seen.played, "Play (lesson-resume) clicked");
  assert.equal(seen.beforeSkip.lesson.done, false, "the step was still running when Skip was pressed");
  assert.match(seen.first?.text ?? "", /About \d+ s left|end soon/, "the strip says how long is left");
  assert.ok(seen.later?.progress > seen.first?.progress, `the bar fills: ${seen.first?.progress} then ${seen.later?.progress}`);
  assert.ok(seen.skipped, "Skip clicked");
  st = await waitFor("step 1 done", async () => { const s = await state(page); return s.lesson.done && s; }, 10_000);
  assert.ok(st.stats && st.history.some((h) => h.op === "put" && h.ok), "Skip met the step's goal: the write was answered");
  await page.screenshot({ path: path.join(shots, "lessonplay-skipped.png") });

  // The next step plays at its own speed.
  st = await press(page, "lesson-next", "step 2", (s) => s.lesson.step === 2);
  assert.equal(st.speed, stepSpeed("01-why-consensus.md", 2), "step 2 at its own speed");

  // Close: the sandbox gets its 1x back.
  st = await press(page, "lesson-close", "the lesson closed", (s) => s.lesson === null);
  assert.equal(st.speed, "1x", "the sandbox's speed is back");
  assert.deepEqual(errors, [], "no console errors");
});

test("lesson 6 step 3: the highlight leads to the control that targets S1, and clicking it does the step", async () => {
  const { page, errors } = await open("?lesson=6&step=3");
  let st = await state(page);
  assert.deepEqual([st.lesson?.number, st.lesson?.step, st.lesson?.kind], [6, 3, "do"]);
  assert.equal(st.clientTarget, 0, "the client panel sends to the leader it believes in");

  let lay = await layout(page);
  assert.ok(Array.isArray(lay.highlights), "layout() reports the step's highlights");
  const names = lay.highlights.map((h) => h.name);
  assert.ok(names.includes("control client-target"), `the target control is highlighted: ${names}`);
  assert.ok(names.includes("control write"), `Write x is highlighted: ${names}`);
  await page.screenshot({ path: path.join(shots, "lessonplay-target-highlight.png") });

  // Follow the highlights: click the highlighted target until it is S1.
  for (let i = 0; i < 8 && st.clientTarget !== 1; i++) {
    const h = (await layout(page)).highlights.find((h) => h.name === "control client-target");
    assert.ok(h, "the target control stays highlighted");
    const was = st.clientTarget;
    await clickAt(page, ...center(h), "the highlighted target");
    st = await waitFor("the target changed", async () => { const s = await state(page); return s.clientTarget !== was && s; });
  }
  assert.equal(st.clientTarget, 1, "the client panel sends to S1");
  assert.equal(st.lesson.done, false, "choosing the target alone does not do the step");

  // Then the highlighted Write x: the write goes to S1 and the step is done.
  lay = await layout(page);
  const w = lay.highlights.find((h) => h.name === "control write");
  assert.ok(w, "Write x is still highlighted");
  const writes = st.history.length;
  await clickAt(page, ...center(w), "the highlighted Write x");
  st = await waitFor("step 3 done", async () => { const s = await state(page); return s.lesson.done && s; }, 60_000);
  assert.ok(st.history.length > writes, "the client sent a write");
  const s1 = st.nodes.find((n) => n.id === 1);
  assert.ok(s1.lastIndex > s1.commitIndex, "S1 holds an entry it cannot commit");
  await page.screenshot({ path: path.join(shots, "lessonplay-target-done.png") });
  assert.deepEqual(errors, [], "no console errors");
});
