// The browser frame-rate benchmark (make bench-fps, part of make bench): in
// one headless Chromium run, Ebiten's measured frame rate for
//
//   ?empty=1            an empty frame: the baseline
//   ?nodes=5&load=50    five nodes, about 50 messages in flight
//   ?nodes=9&load=200   nine nodes, about 200 messages in flight
//
// as a ratio to the baseline (targets: 85% and 70%), the size of main.wasm
// raw and gzip -9, the time from navigation to the first frame, and the
// memory after a long run at full speed. Software rendering (SwiftShader)
// makes absolute frame rates low here; the ratios are what compare.
//
// Environment: BENCH_WIDTH, BENCH_HEIGHT (1280x800), BENCH_SECONDS (frame
// rate sampling per page, 10), BENCH_ROUNDS (the pages are measured in
// turn this many times, 2), BENCH_LONG_SECONDS (the long run, 60).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const width = Number(process.env.BENCH_WIDTH) || 1280;
const height = Number(process.env.BENCH_HEIGHT) || 800;
const sampleSeconds = Number(process.env.BENCH_SECONDS) || 10;
const longSeconds = Number(process.env.BENCH_LONG_SECONDS) || 60;
const rounds = Number(process.env.BENCH_ROUNDS) || 2;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN; };
const mb = (n) => (n / 1e6).toFixed(2) + " MB";

async function startServer() {
  const proc = spawn(path.join(root, "build", "raftserve"), ["-addr", "127.0.0.1:0", "-dir", path.join(root, "build", "web")], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let log = "";
    proc.stdout.on("data", (d) => { log += d; const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(log); if (m) resolve(m[0]); });
    proc.on("exit", (code) => reject(new Error(`raftserve exited with ${code} (make raftserve web builds what it needs)`)));
  });
  return { proc, url };
}

async function clickControl(page, name) {
  const b = (await page.evaluate(() => window.raftlab.layout())).controls.find((c) => c.name === name);
  if (!b) throw new Error(`no control ${name}`);
  await page.mouse.move(b.x + b.w / 2, b.y + b.h / 2);
  await page.mouse.down();
  await sleep(300);
  await page.mouse.up();
  await sleep(50);
  // Out of the way: no hover effects while measuring.
  await page.mouse.move(width - 4, height / 2);
}

async function setSpeed(page, want) {
  for (let i = 0; i < 12; i++) {
    const st = await page.evaluate(() => window.raftlab.state());
    if (st.speed === want) return;
    await clickControl(page, want === "1x" ? "faster" : "slower");
  }
  throw new Error(`could not set the speed to ${want}`);
}

// open loads a page and waits for its first frame.
async function open(page, base, query) {
  const t0 = Date.now();
  await page.goto(base + query);
  await page.waitForFunction(() => window.raftlab?.ready === true || window.raftlab?.error, null, { timeout: 120_000, polling: 50 });
  const err = await page.evaluate(() => window.raftlab.error);
  if (err) throw new Error(`${query}: ${err}`);
  return { readyMs: await page.evaluate(() => window.raftlab.readyMs), wallMs: Date.now() - t0 };
}

// sampleFPS waits for the frame rate to settle, then samples Ebiten's
// once-a-second measurement.
async function sampleFPS(page) {
  await sleep(3000);
  const fps = [], tps = [];
  await page.mouse.move(width - 4, height / 2);
  for (let i = 0; i < sampleSeconds; i++) {
    await sleep(1000);
    const [f, t] = await page.evaluate(() => [window.raftlab.fps(), window.raftlab.tps()]);
    fps.push(f);
    tps.push(t);
  }
  return { fps, tps };
}

async function memory(page) {
  return page.evaluate(() => ({
    goHeap: window.raftlab.mem().heapAlloc,
    goSys: window.raftlab.mem().sys,
    wasmMemory: window.raftlabGo?.mem?.buffer?.byteLength ?? 0,
    jsHeap: performance.memory?.usedJSHeapSize ?? 0,
  }));
}

const wasm = readFileSync(path.join(root, "build", "web", "main.wasm"));
const results = { viewport: `${width}x${height}`, wasmRaw: wasm.length, wasmGzip9: gzipSync(wasm, { level: 9 }).length, pages: {} };

const { proc, url } = await startServer();
const profile = mkdtempSync(path.join(tmpdir(), "raftlab-bench-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--enable-precise-memory-info"],
  viewport: { width, height },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => console.error("page error:", e.message));

  const pages = [["empty", "?empty=1", 0], ["5 nodes, load 50", "?nodes=5&load=50", 50], ["9 nodes, load 200", "?nodes=9&load=200", 200]];
  for (const [name, query] of pages) results.pages[name] = { query, firstFrameMs: [], fpsSamples: [], tpsSamples: [], inFlight: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const [name, query, load] of pages) {
      const r = await open(page, url, query);
      if (load > 0) {
        // Run at full speed until a leader's traffic fills the wire, then
        // measure at the default speed, as people watch it.
        await setSpeed(page, "1x");
        const t0 = Date.now();
        while (Date.now() - t0 < 30_000) {
          const st = await page.evaluate(() => window.raftlab.state());
          if (st.nodes.some((n) => n.role === "leader") && st.inFlight >= load / 2) break;
          await sleep(200);
        }
        await setSpeed(page, "1/50x");
      }
      const f = await sampleFPS(page);
      const p = results.pages[name];
      if (load > 0) {
        for (let i = 0; i < 5; i++) { p.inFlight.push((await page.evaluate(() => window.raftlab.state())).inFlight); await sleep(200); }
      }
      p.firstFrameMs.push(Math.round(r.readyMs));
      p.fpsSamples.push(...f.fps);
      p.tpsSamples.push(...f.tps);
      console.log(`round ${round}: ${name.padEnd(18)} ${median(f.fps).toFixed(1)} FPS (samples ${f.fps.map((x) => x.toFixed(1)).join(" ")}), ${median(f.tps).toFixed(1)} TPS; first frame ${Math.round(r.readyMs)} ms after navigation`);
    }
  }
  for (const p of Object.values(results.pages)) {
    p.fps = median(p.fpsSamples);
    p.tps = median(p.tpsSamples);
    p.inFlightMedian = median(p.inFlight);
  }

  // The long run: five nodes under load, at full speed.
  const r = await open(page, url, "?nodes=5&load=50");
  await setSpeed(page, "1x");
  await sleep(2000);
  const m0 = await memory(page);
  const v0 = (await page.evaluate(() => window.raftlab.state())).nowMs;
  await sleep(longSeconds * 1000);
  const stEnd = await page.evaluate(() => window.raftlab.state());
  await sleep(1000);
  const m1 = await memory(page);
  results.longRun = { seconds: longSeconds, virtualMs: stEnd.nowMs - v0, before: m0, after: m1, firstFrameMs: Math.round(r.readyMs), violations: stEnd.violations.length };
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  proc.kill();
}

const base = results.pages.empty.fps;
const ratio = (name) => results.pages[name].fps / base;
console.log("");
console.log(`RaftLab in headless Chromium + SwiftShader, ${results.viewport}:`);
console.log(`  main.wasm                 ${mb(results.wasmRaw)} raw, ${mb(results.wasmGzip9)} gzip -9`);
const ff = results.pages.empty.firstFrameMs;
console.log(`  first frame               ${ff[0]} ms after navigation on the first load (compiling main.wasm), ${median([...ff.slice(1), ...results.pages["5 nodes, load 50"].firstFrameMs, ...results.pages["9 nodes, load 200"].firstFrameMs])} ms (median) once the browser has cached the compiled code`);
console.log(`  empty frame (baseline)    ${base.toFixed(1)} FPS`);
for (const [name, target] of [["5 nodes, load 50", 0.85], ["9 nodes, load 200", 0.7]]) {
  const p = results.pages[name];
  const x = ratio(name);
  console.log(`  ${name.padEnd(24)}  ${p.fps.toFixed(1)} FPS = ${(100 * x).toFixed(0)}% of the baseline (target ${100 * target}%: ${x >= target ? "met" : "NOT met"}), ${p.inFlightMedian} messages in flight (median)`);
}
const lr = results.longRun;
console.log(`  long run                  ${lr.seconds} s at full speed = ${(lr.virtualMs / 1000).toFixed(1)} virtual s of 5 nodes under load:`);
console.log(`                            Go heap ${mb(lr.before.goHeap)} -> ${mb(lr.after.goHeap)}, wasm memory ${mb(lr.before.wasmMemory)} -> ${mb(lr.after.wasmMemory)}, JS heap ${mb(lr.before.jsHeap)} -> ${mb(lr.after.jsHeap)}`);
console.log(JSON.stringify(results));
