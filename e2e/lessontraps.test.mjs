// Two lesson traps, in the browser: Esc over an inspector closes the
// inspector, not the lesson, and leaving a lesson by Esc asks first; a
// step's progress is saved when its goal is met, before Continue, so a
// learner who leaves and comes back goes on at the next step.
//
//   make e2e-browser     (builds build/web and build/raftserve first)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, shutdown, shots, firstFrame, state, waitFor, watch } from "./harness.mjs";

// The tests share a browser context, as a learner's browser.
let shared;

after(shutdown);

// open loads the page at a link and waits for its first frame, collecting
// console errors.
async function open(query) {
  shared ??= launch({ viewport: { width: 1280, height: 800 } });
  const { context, url } = await shared;
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(url + query);
  await firstFrame(page);
  return { page, errors, url };
}

const controls = async (page) => (await page.evaluate(() => window.raftlab.layout())).controls.map((c) => c.name);


// key holds a key long enough for the game to see it in a tick, even at a
// few frames a second.
async function key(page, name) {
  await page.keyboard.down(name);
  await page.waitForTimeout(300);
  await page.keyboard.up(name);
  await page.waitForTimeout(100);
}

// pressControl clicks a control (inside the page, at its centre) until
// check(state) holds; a click the page was too busy for is retried.
async function pressControl(page, name, what, check) {
  for (let i = 0; i < 10; i++) {
    const done = await page.evaluate((name) => {
      const c = window.raftlab.layout().controls.find((c) => c.name === name);
      if (!c) return "missing";
      const r = window.raftlab.click(c.x + c.w / 2, c.y + c.h / 2);
      return r === true ? "clicked" : "busy";
    }, name);
    assert.notEqual(done, "missing", `control ${name} is on screen`);
    if (done === "clicked") return waitFor(what, async () => { const s = await state(page); return check(s) && s; });
    await page.waitForTimeout(100);
  }
  throw new Error(`the page stayed busy: ${name} was not clicked`);
}

test("Esc over an inspector closes the inspector; leaving the lesson by Esc asks first", async () => {
  const { page, errors } = await open("?lesson=6&step=2");
  let st = await state(page);
  assert.deepEqual([st.lesson?.number, st.lesson?.step], [6, 2]);

  // Select S2: its menu opens, and its inspector.
  const n = (await page.evaluate(() => window.raftlab.layout())).nodes.find((n) => n.id === 2);
  await waitFor("S2 selected", async () => {
    await page.evaluate(([x, y]) => window.raftlab.click(x, y), [n.x, n.y]);
    return (await state(page)).selected === 2;
  });
  await page.screenshot({ path: path.join(shots, "lessontraps-inspector.png") });

  // Esc closes the menu, then the selection; the lesson stays.
  for (let i = 0; i < 5 && (await state(page)).selected !== 0; i++) await key(page, "Escape");
  st = await state(page);
  assert.equal(st.selected, 0, "the inspector closed");
  assert.deepEqual([st.lesson?.number, st.lesson?.step], [6, 2], "the lesson is still open, at step 2");
  assert.ok(!(await controls(page)).includes("lesson-leave"), "nothing asked yet");

  // Esc with nothing else open asks; Esc again stays.
  await key(page, "Escape");
  await waitFor("the question", async () => (await controls(page)).includes("lesson-leave"));
  assert.ok((await controls(page)).includes("lesson-stay"));
  assert.notEqual((await state(page)).lesson, null, "asked, not closed");
  await page.screenshot({ path: path.join(shots, "lessontraps-leave-question.png") });
  await key(page, "Escape");
  await waitFor("the question gone", async () => !(await controls(page)).includes("lesson-leave"));
  st = await state(page);
  assert.deepEqual([st.lesson?.number, st.lesson?.step], [6, 2], "Esc on the question stays");

  // Asked again, Enter leaves; the cluster stays in free play (its time
  // goes on from where the lesson was, where a new sandbox would start at
  // 0), and the bar calls it the sandbox.
  await key(page, "Escape");
  await waitFor("the question", async () => (await controls(page)).includes("lesson-leave"));
  const before = await state(page);
  assert.match(before.name, /^Lesson 6/);
  assert.ok(before.nowMs > 0, `the lesson's cluster has run: ${before.nowMs} ms`);
  await key(page, "Enter");
  st = await waitFor("the lesson closed", async () => { const s = await state(page); return s.lesson === null && s; });
  assert.ok(st.nowMs >= before.nowMs, `free play keeps the lesson's cluster: ${st.nowMs} ms after ${before.nowMs} ms`);
  assert.equal(st.name, "Sandbox", "the bar no longer names the lesson");
  assert.deepEqual(errors, [], "no console errors");
  await page.close();
});

test("a watch step done is saved before Continue: after a reload the lesson opens at the next step", async () => {
  const { page, errors, url } = await open("?lesson=1&step=1");
  let st = await state(page);
  assert.deepEqual([st.lesson?.number, st.lesson?.step, st.lesson?.kind, st.lesson?.done], [1, 1, "watch", false]);

  // Play, as the step asks, and let it run to its end (run ahead, so as
  // not to wait at the lesson's speed).
  await pressControl(page, "lesson-resume", "playing", (s) => !s.paused);
  st = await waitFor("step 1 done", async () => {
    const s = await page.evaluate(() => { window.raftlab.runFor(500); return window.raftlab.state(); });
    return s.lesson?.done && s;
  }, 30_000);
  assert.equal(st.lesson.step, 1, "Continue not pressed");
  // (The first test, in the same profile, saved lesson 6's progress too.)
  const lesson1 = (ps) => ps.find((p) => p.name === "01-why-consensus");
  assert.deepEqual(lesson1(st.lesson.progress), { name: "01-why-consensus", step: 2, furthest: 2 }, "saved when the goal was met");
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("raftlab.lessonProgress")));
  assert.deepEqual(lesson1(saved.lessons), { name: "01-why-consensus", step: 2, furthest: 2 });

  // The learner leaves without Continue; a later visit opens the lesson
  // from the list at step 2.
  await page.goto(url);
  await firstFrame(page);
  assert.equal((await state(page)).lesson, null);
  await pressControl(page, "lessons", "the list of lessons", (s) => s.lesson?.number === 0);
  st = await pressControl(page, "lesson-open-1", "lesson 1", (s) => s.lesson?.number === 1);
  assert.equal(st.lesson.step, 2, "opens on the step after the one done");
  await page.screenshot({ path: path.join(shots, "lessontraps-resumed.png") });
  assert.deepEqual(errors, [], "no console errors");
  await page.close();
});
