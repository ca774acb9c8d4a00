// Share links in the browser: after writes, a crash and a cut link, the
// Share control puts a link in the address bar and the clipboard; opened in
// a fresh browser (a first visit), it shows the same state(), paused at the
// same moment. A damaged, cut, foreign or huge link is a one-line banner
// naming the problem, and the sandbox runs beside it; a link pasted into an
// open page opens there.
//
//   make web raftserve && node --test e2e/share.test.mjs
import { test, afterEach, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, closeContexts, shutdown, shots, firstFrame, state, layout, waitFor, call } from "./harness.mjs";

// A finished test's page would go on simulating and take the CPU from the
// tests after it.
afterEach(closeContexts);
after(shutdown);

const viewport = { width: 1280, height: 800 };

// press clicks a control, or an item of the open menu, through the game's
// own hit-testing.
async function press(page, name) {
  const lay = await layout(page);
  const b = [...lay.controls, ...lay.menu].find((c) => c.name === name);
  assert.ok(b, `control ${name} is on screen`);
  await page.evaluate(([x, y]) => window.raftlab.click(x, y), [b.x + b.w / 2, b.y + b.h / 2]);
}

// clickAt clicks a point (a node, a link's midpoint) until the menu that
// opens has the item wanted, and presses it.
async function menuItem(page, x, y, item) {
  await waitFor(`a menu with ${item}`, async () => {
    await page.evaluate(([x, y]) => window.raftlab.click(x, y), [x, y]);
    return (await layout(page)).menu.some((m) => m.name === item);
  });
  await press(page, item);
}

// share presses Share and returns the link it made.
async function share(page) {
  await page.evaluate(() => { delete window.raftlab.link; });
  await press(page, "share");
  return waitFor("the link", () => page.evaluate(() => window.raftlab.link));
}

// sandboxRuns checks that the app is usable: the sandbox elects a leader.
async function sandboxRuns(page) {
  const st = await page.evaluate(() => { window.raftlab.runFor(4000); return window.raftlab.state(); });
  assert.equal(st.name, "Sandbox");
  assert.ok(st.nodes.some((n) => n.up && n.role === "leader"), "a leader is elected");
}

test("a share link made after a sequence of actions reopens in a fresh browser to the same state", async () => {
  const a = await launch({ viewport });
  await a.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(a.url).origin });
  const page = a.page;
  await page.goto(a.url);
  await firstFrame(page);
  if (!(await state(page)).paused) await press(page, "play");
  await call(page, "runFor", [1500]);
  await press(page, "write");
  await call(page, "runFor", [300]);
  const lay = await layout(page);
  const s2 = lay.nodes.find((n) => n.id === 2);
  await menuItem(page, s2.x, s2.y, "menu-crash");
  const link13 = lay.links.find((l) => l.a === 1 && l.b === 3) ?? lay.links.find((l) => l.a === 3 && l.b === 1);
  await menuItem(page, link13.x, link13.y, "menu-cut-both");
  await call(page, "runFor", [700]);
  await press(page, "write");
  await call(page, "runFor", [450]);
  await press(page, "faster");
  await page.keyboard.press("Escape"); // no server selected: a selection is not shared
  await waitFor("nothing selected", async () => (await state(page)).selected === 0);

  const link = await share(page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#v1\.[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => location.href), link, "the link is in the address bar");
  await waitFor("the link copied", async () => /link copied/.test((await state(page)).status));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, "the link is on the clipboard");
  const want = await state(page);
  assert.equal(want.nodes.find((n) => n.id === 2).up, false, "S2 is down");
  assert.equal(want.network.cuts.length, 2, "S1-S3 is cut both ways");
  assert.equal(want.history.length, 2, "two writes");
  console.log(`a link of ${link.length} bytes for ${want.nowMs} ms and 5 actions`);

  const b = await launch({ viewport, welcomed: false });
  await b.page.goto(link);
  await firstFrame(b.page);
  const got = await state(b.page);
  assert.equal(got.status, `opened a shared link at ${(want.nowMs / 1000).toFixed(3)} s: press play to go on`);
  assert.equal(got.welcome, false, "a link is not a first visit's welcome");
  assert.equal(got.paused, true);
  for (const st of [want, got]) delete st.status;
  assert.deepEqual(got, want, "the same state");
  await b.page.screenshot({ path: path.join(shots, "share-opened-1280x800.png") });
  await page.screenshot({ path: path.join(shots, "share-sharer-1280x800.png") });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test("a damaged, cut, foreign or huge link is a one-line message, and the app runs", async () => {
  const a = await launch({ viewport });
  await a.page.goto(a.url + "?scenario=figure7");
  await firstFrame(a.page);
  const good = (await share(a.page)).split("#")[1];
  await a.context.close();
  const mid = Math.floor(good.length / 2);
  const flip = (s, i) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
  // Opened from the address bar, a link that cannot be opened is a banner
  // and the sandbox starts; pasted into an open page, it is the status
  // line and the page keeps what it shows. (A page load costs seconds:
  // two cases load, the others are pasted.)
  const loaded = [
    ["cut short", good.slice(0, mid), /the link is damaged/],
    ["huge", "v1." + "A".repeat((1 << 20) + 16), /longer than 1 MiB/],
  ];
  let page;
  for (const [name, fragment, want] of loaded) {
    await page?.context().close(); // the case before, done with
    const b = await launch({ viewport });
    await b.page.goto(b.url + "#" + fragment);
    await firstFrame(b.page);
    assert.equal(await b.page.evaluate(() => window.raftlab.error), undefined, name);
    const banner = await b.page.locator("#notice").innerText();
    assert.match(banner, want, name);
    const box = await b.page.locator("#notice").boundingBox();
    assert.ok(box.height < 40, `${name}: one line at 1280 px: ${box.height} px high`);
    await sandboxRuns(b.page);
    assert.deepEqual(b.errors, [], name);
    if (name === "cut short") await b.page.screenshot({ path: path.join(shots, "share-damaged-1280x800.png") });
    page = b.page;
  }
  const pasted = [
    ["bytes flipped", flip(flip(good, mid), mid + 7), /the link is damaged/],
    ["a character a link never has", good.slice(0, 20) + "*" + good.slice(21), /characters a share link never has/],
    ["another version", "v7." + good.slice(3), /the link is of version v7; this RaftLab reads version v1/],
    ["not RaftLab's", "section-2", /not a RaftLab share link/],
  ];
  const before = await state(page);
  for (const [name, fragment, want] of pasted) {
    await page.evaluate((h) => { location.hash = h; }, fragment);
    const st = await waitFor(`${name}: refused`, async () => { const s = await state(page); return /^cannot open this link: /.test(s.status) && want.test(s.status) && s; });
    assert.equal(st.name, before.name, `${name}: the open world stays`);
    await page.evaluate(() => { location.hash = ""; });
  }
  await sandboxRuns(page);
});

test("a link pasted into an open page opens there; a bad one changes nothing", async () => {
  const a = await launch({ viewport });
  await a.page.goto(a.url + "?scenario=figure7");
  await firstFrame(a.page);
  if (!(await state(a.page)).paused) await press(a.page, "play"); // the moment shared is the moment read
  await call(a.page, "runFor", [1200]);
  const link = await share(a.page);
  const want = await state(a.page);
  const b = await launch({ viewport });
  await b.page.goto(b.url);
  await firstFrame(b.page);
  await b.page.evaluate((h) => { location.hash = h; }, link.split("#")[1]);
  const got = await waitFor("the pasted link opened", async () => { const s = await state(b.page); return s.name === want.name && s; });
  assert.equal(got.nowMs, want.nowMs);
  assert.deepEqual(got.nodes, want.nodes);
  await b.page.evaluate(() => { location.hash = "v1.broken"; });
  const bad = await waitFor("the bad link refused", async () => { const s = await state(b.page); return /cannot open this link: the link is damaged/.test(s.status) && s; });
  assert.equal(bad.name, want.name, "the open world stays");
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});
