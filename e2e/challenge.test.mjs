// Challenge links in the browser: a teacher's challenge ("get S3 elected
// without crashing anyone", made into a link by raftsim challenge link)
// opens with its goal on a card; solved, it passes with a result code that
// raftsim challenge verify confirms from the student's shared link; broken
// (a crash), it fails, says why, and Try again starts it afresh.
//
//   make web raftserve && node --test e2e/challenge.test.mjs
import { test, afterEach, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { execFileSync, spawnSync } from "node:child_process";
import { launch, closeContexts, shutdown, shots, root, firstFrame, state, layout, waitFor, call } from "./harness.mjs";

// A finished test's page would go on simulating and take the CPU from the
// tests after it.
afterEach(closeContexts);
after(shutdown);

const viewport = { width: 1280, height: 800 };
const goal = "Get S3 elected without crashing anyone.";

// raftsim runs the headless command with args.
const raftsim = (...args) => spawnSync(process.env.GO ?? "go", ["run", "./cmd/raftsim", ...args], { cwd: root, encoding: "utf8" });

// challengeLink is the teacher's link to the challenge, served at base.
function challengeLink(base) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "raftlab-challenge-")), "s3.json");
  writeFileSync(file, JSON.stringify({ name: "S3 leads", nodes: 5, seed: 3, until: 600000,
    challenge: { goal, pass: "leaderIs(3)", forbid: ["crash"] } }));
  return execFileSync(process.env.GO ?? "go", ["run", "./cmd/raftsim", "challenge", "link", file, "--base", base], { cwd: root, encoding: "utf8" }).trim();
}

// press clicks a control, or an item of the open menu.
async function press(page, name) {
  const lay = await layout(page);
  const b = [...lay.controls, ...lay.menu].find((c) => c.name === name);
  assert.ok(b, `control ${name} is on screen`);
  await page.evaluate(([x, y]) => window.raftlab.click(x, y), [b.x + b.w / 2, b.y + b.h / 2]);
}

// onServer opens server id's menu and presses item.
async function onServer(page, id, item) {
  const n = (await layout(page)).nodes.find((n) => n.id === id);
  await waitFor(`S${id}'s menu with ${item}`, async () => {
    await page.evaluate(([x, y]) => window.raftlab.click(x, y), [n.x, n.y]);
    return (await layout(page)).menu.some((m) => m.name === item);
  });
  await press(page, item);
}

// openChallenge opens the link in a fresh browser, paused.
async function openChallenge(link) {
  const b = await launch({ viewport, welcomed: false });
  await b.page.goto(link);
  await firstFrame(b.page);
  const st = await state(b.page);
  assert.deepEqual(st.challenge, { goal, state: "open", atMs: 0 });
  assert.equal(st.paused, true, "a link opens paused");
  return b;
}

test("a challenge link passes when solved, with a code raftsim confirms", async () => {
  const { url } = await launch({ viewport });
  const link = challengeLink(url);
  assert.match(link, /#v1\./);
  const b = await openChallenge(link);
  const page = b.page;
  await page.screenshot({ path: path.join(shots, "challenge-open-1280x800.png") });
  await call(page, "runFor", [600]);
  await onServer(page, 3, "menu-transfer");
  await call(page, "runFor", [2000]);
  const st = await state(page);
  assert.equal(st.challenge.state, "passed", JSON.stringify(st.challenge));
  assert.match(st.challenge.code, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
  await page.screenshot({ path: path.join(shots, "challenge-passed-1280x800.png") });

  await press(page, "share");
  const solution = await waitFor("the solution's link", () => page.evaluate(() => window.raftlab.link));
  const ok = raftsim("challenge", "verify", solution, "--code", st.challenge.code);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, new RegExp(`^PASS S3 leads: passed at \\d+\\.\\d{3} s, result code ${st.challenge.code}\\n$`));
  const wrong = raftsim("challenge", "verify", solution, "--code", "0000-0000");
  assert.equal(wrong.status, 1, "another code is refused");
  assert.deepEqual(b.errors, []);
});

test("a challenge link fails when a forbidden action is taken, and Try again starts afresh", async () => {
  const { url } = await launch({ viewport });
  const b = await openChallenge(challengeLink(url));
  const page = b.page;
  await call(page, "runFor", [600]);
  await onServer(page, 1, "menu-crash");
  const st = await waitFor("the challenge failed", async () => { const s = await state(page); return s.challenge.state === "failed" && s; });
  assert.match(st.challenge.why, /^crash was used, and the challenge forbids it$/);
  await page.screenshot({ path: path.join(shots, "challenge-failed-1280x800.png") });
  await press(page, "challenge-retry");
  const again = await waitFor("started afresh", async () => { const s = await state(page); return s.challenge.state === "open" && s; });
  assert.equal(again.nowMs, 0);
  assert.ok(again.nodes.every((n) => n.up), "nobody is down");
  assert.deepEqual(b.errors, []);
});
