// Probe figures: (1) first trace of a 20-unit cell over 8 steps with a cold runner (process start
// and tfjs load included) and with a warm one; (2) the probe's overhead over a hand-written loop
// driving the same cell on the same backend: the probe's trace pass alone (drive + per-step stats,
// in the runner, slice compile included) and the whole probe (trace + sensitivity + driven range +
// gradients), each against the hand loop (8 steps, reading each new state). Figures only, no
// asserts. `node bench/probe.mjs [--quick]` prints JSON; bench/run.mjs can call run().
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { median, round, log } from './lib/stats.mjs';
import { runIfMain } from './lib/main.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNNER = path.join(root, 'dist', 'probe-runner.js');

export const TARGETS = { coldMs: 2000, warmMs: 300, overhead: 1.2 };

export const CELL = `import * as tf from '@tensorflow/tfjs';

const INPUT = 10;
const UNITS = 20;
const Wx = tf.variable(tf.randomNormal([INPUT, UNITS], 0, 0.3));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2));
const b = tf.variable(tf.zeros([UNITS]));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(b)) as tf.Tensor2D);
}
`;

async function buildProbeModule(dir) {
  const esbuild = require('esbuild');
  const entry = path.join(dir, 'entry.ts');
  fs.writeFileSync(
    entry,
    `export { probeText } from ${JSON.stringify(path.join(root, 'server/src/probe/probe.ts'))};\n` +
      `export { ProbePool } from ${JSON.stringify(path.join(root, 'server/src/probe/pool.ts'))};\n`,
  );
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(dir, 'probe.js'), logLevel: 'warning', absWorkingDir: root });
  return require(path.join(dir, 'probe.js'));
}

/** The same cell in this process, on the same backend as the runner (bundled tfjs, WASM). */
async function handLoop(fileName, reps) {
  const tf = require('@tensorflow/tfjs');
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.join(root, 'dist') + path.sep);
  const backend = (await tf.setBackend('wasm')) ? 'wasm' : (await tf.setBackend('cpu'), 'cpu');
  await tf.ready();
  const ts = require('typescript');
  const js = ts.transpileModule(CELL, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const Module = require('node:module');
  const m = new Module(fileName, null);
  m.filename = fileName;
  m.require = (id) => (id === '@tensorflow/tfjs' ? tf : require(id));
  m._compile(js, fileName);
  const step = m.exports.step;
  const xs = Array.from({ length: 8 }, (_, t) => tf.randomNormal([2, 10], 0, 1, 'float32', 42 + t));
  const once = () => {
    const t0 = performance.now();
    let h = tf.zeros([2, 20]);
    for (let t = 0; t < 8; t++) {
      const next = step(xs[t], h);
      next.dataSync();
      h.dispose();
      h = next;
    }
    h.dispose();
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) once();
  const times = Array.from({ length: reps }, once);
  return { backend, ms: median(times) };
}

export async function run({ quick = false } = {}) {
  if (!fs.existsSync(RUNNER)) return { measured: false, reason: 'dist/probe-runner.js is missing (npm run build)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-bench-probe-'));
  const fileName = path.join(dir, 'cell20.ts');
  fs.writeFileSync(fileName, CELL);
  const probe = await buildProbeModule(dir);
  const req = { text: CELL, fileName };
  const coldReps = quick ? 2 : 5;
  const warmReps = quick ? 5 : 20;

  const cold = [];
  for (let i = 0; i < coldReps; i++) {
    const pool = new probe.ProbePool(RUNNER);
    const t0 = performance.now();
    const res = await probe.probeText(req, pool);
    cold.push(performance.now() - t0);
    pool.dispose();
    if (!res.ok) throw new Error(`probe failed: ${JSON.stringify(res.failure)}`);
    log(`cold ${i + 1}: ${round(cold[i])} ms (${res.trace.backend})`);
  }

  const pool = new probe.ProbePool(RUNNER);
  const first = await probe.probeText(req, pool);
  const backend = first.ok ? first.trace.backend : 'n/a';
  const warm = [];
  const warmRun = [];
  for (let i = 0; i < warmReps; i++) {
    const t0 = performance.now();
    const res = await probe.probeText(req, pool);
    warm.push(performance.now() - t0);
    warmRun.push(res.trace.timings.runMs);
  }
  const traceRun = [];
  const traceLoop = [];
  const phases = {};
  for (let i = 0; i < warmReps; i++) {
    const res = await probe.probeText({ ...req, traceOnly: true }, pool);
    traceRun.push(res.trace.timings.runMs);
    traceLoop.push(res.trace.timings.phases.traceMs);
  }
  for (let i = 0; i < warmReps; i++) {
    const res = await probe.probeText(req, pool);
    for (const [k, v] of Object.entries(res.trace.timings.phases)) (phases[k] ??= []).push(v);
  }
  pool.dispose();

  const hand = await handLoop(fileName, warmReps * 2);
  const result = {
    measured: true,
    cell: '20 units, input 10, batch 2, 8 steps',
    backend,
    coldFirstTraceMs: round(median(cold)),
    warmFirstTraceMs: round(median(warm)),
    probeRunMs: round(median(warmRun), 2),
    traceOnlyRunMs: round(median(traceRun), 2),
    traceLoopMs: round(median(traceLoop), 2),
    phasesMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(median(v), 2)])),
    handLoopMs: round(hand.ms, 2),
    handLoopBackend: hand.backend,
    overheadTraceLoop: round(median(traceLoop) / hand.ms, 2),
    overheadTraceOnly: round(median(traceRun) / hand.ms, 2),
    overheadFullProbe: round(median(warmRun) / hand.ms, 2),
    targets: TARGETS,
  };
  log(
    `probe: cold first trace ${result.coldFirstTraceMs} ms (target < ${TARGETS.coldMs}), warm ${result.warmFirstTraceMs} ms (target < ${TARGETS.warmMs}); ` +
      `in the runner: trace loop ${result.traceLoopMs} ms, trace pass with slice compile ${result.traceOnlyRunMs} ms, whole probe ${result.probeRunMs} ms; hand loop ${result.handLoopMs} ms; ` +
      `overhead x${result.overheadTraceLoop} (trace loop) / x${result.overheadTraceOnly} (trace pass) / x${result.overheadFullProbe} (whole probe), target x${TARGETS.overhead}`,
  );
  return result;
}

runIfMain(import.meta.url, run);
