// Probe figures: (1) first trace of a 20-unit cell over 8 steps with a cold runner (process start
// and tfjs load included) and with a warm one; (2) the probe's overhead over a hand-written loop
// driving the same cell on the same backend. Figures only, no asserts.
// `node bench/probe.mjs [--quick]` prints JSON ({ id, rows, details }, as bench/run.mjs reads it).
//
// The overhead is timed in this process, both sides on the same tfjs (bundled, WASM backend, as
// the runner uses it without a workspace tfjs-node), alternating run by run:
//   - probe: what the runner does per request: compile the slice (a fresh module, so the cell's
//     code is new to V8 every time), then the harness (server/src/probe/harness.ts) inside an
//     engine scope. The trace loop is the harness's own `traceMs` phase: drive the cell 8 steps
//     from the zero state, read every new state and output, per-step statistics and tensor counts.
//   - hand: what a user writes to look at the states: compile the same cell (TypeScript's
//     transpile, as ts-node or tsc would), then a loop that drives it 8 steps from zeros and reads
//     each new state (dataSync), disposing the old one. Only the loop is timed.
// A loop is well under a millisecond, so one pair means nothing on a busy machine: every round
// runs PAIRS pairs (the order alternating), a round's ratio is the median probe loop over the
// median hand loop, and the figure is the median of the rounds' ratios, printed with their range.
// Before the rounds, both sides run WARMUP times so V8 has optimised tfjs, the harness and the
// loop: the figures are the steady state, not a runner's first requests.
// Both sides compile the cell afresh each time, as the probe must; the same rounds also pair the
// harness on a slice compiled once with the hand loop on a cell compiled once (both warm), and
// time the whole trace pass (slice compile + harness + scope cleanup) and, less often, the whole
// probe (trace, sensitivity, driven range, gradients), each against the hand loop. The fresh probe
// against the hand loop compiled once (mixing V8 warm-up into the harness's cost) is in details.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { median, percentile, round, log } from './lib/stats.mjs';
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
const CELL_DESC = '20 units, input 10, batch 2, 8 steps';
const STEPS = 8;

async function buildProbeModule(dir) {
  const esbuild = require('esbuild');
  const entry = path.join(dir, 'entry.ts');
  const src = (f) => JSON.stringify(path.join(root, 'server/src/probe', f));
  fs.writeFileSync(
    entry,
    `export { probeText } from ${src('probe.ts')};\n` +
      `export { ProbePool } from ${src('pool.ts')};\n` +
      `export { prepareProbe } from ${src('slice.ts')};\n` +
      `export { runHarness } from ${src('harness.ts')};\n`,
  );
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(dir, 'probe.js'), logLevel: 'warning', absWorkingDir: root });
  return require(path.join(dir, 'probe.js'));
}

const spread = (xs, digits = 2) => ({ median: round(median(xs), digits), min: round(Math.min(...xs), digits), max: round(Math.max(...xs), digits) });

/** Cold and warm first traces through the real runner (child process), as users get them. */
async function runnerFigures(probe, req, { coldReps, warmReps }) {
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
  try {
    const first = await probe.probeText(req, pool);
    if (!first.ok) throw new Error(`probe failed: ${JSON.stringify(first.failure)}`);
    const warm = [];
    const runMs = [];
    const traceRunMs = [];
    const traceLoopMs = [];
    const phases = {};
    // Alternate whole probes and trace-only probes, so both see the same machine.
    for (let i = 0; i < warmReps; i++) {
      const t0 = performance.now();
      const res = await probe.probeText(req, pool);
      warm.push(performance.now() - t0);
      runMs.push(res.trace.timings.runMs);
      for (const [k, v] of Object.entries(res.trace.timings.phases)) (phases[k] ??= []).push(v);
      const tr = await probe.probeText({ ...req, traceOnly: true }, pool);
      traceRunMs.push(tr.trace.timings.runMs);
      traceLoopMs.push(tr.trace.timings.phases.traceMs);
    }
    return {
      backend: first.trace.backend,
      coldMs: median(cold),
      warmMs: median(warm),
      warmSpread: spread(warm, 1),
      runMs: spread(runMs),
      traceRunMs: spread(traceRunMs),
      traceLoopMs: spread(traceLoopMs),
      phasesMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(median(v), 2)])),
    };
  } finally {
    pool.dispose();
  }
}

/** The probe and the hand-written loop in this process, on the runner's tfjs and backend. */
async function overhead(probe, fileName, { rounds, pairs, wholeEvery, warmup }) {
  const tf = require('@tensorflow/tfjs');
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.join(root, 'dist') + path.sep);
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu');
  await tf.ready();
  const backend = tf.getBackend();
  const Module = require('node:module');
  const compile = (code) => {
    const m = new Module(fileName, null);
    m.filename = fileName;
    m.paths = Module._nodeModulePaths(path.dirname(fileName));
    m.require = (id) => (/^@tensorflow\/tfjs/.test(id) ? tf : require(id));
    m._compile(code, fileName);
    return m.exports;
  };
  const engine = tf.engine();
  const variables = () => new Set(Object.keys(engine.state.registeredVariables));
  const disposeVariablesSince = (before) => {
    for (const [name, v] of Object.entries(engine.state.registeredVariables)) if (!before.has(name)) engine.disposeVariable(v);
  };

  // The probe's side: the job the runner would get, compiled and run as runner.ts does.
  const prepared = probe.prepareProbe(CELL, fileName, {});
  const job = (traceOnly) => ({ fileName, code: prepared.code, cell: prepared.cell, config: prepared.config, traceOnly });
  const traceJob = job(true);
  const wholeJob = job(false);
  const probeRun = (j, compiled) => {
    const before = variables();
    const t0 = performance.now();
    engine.startScope();
    let result;
    try {
      result = probe.runHarness(tf, j, compiled ?? compile(j.code).__rnnlintProbe);
    } finally {
      engine.endScope();
      if (!compiled) disposeVariablesSince(before);
    }
    return { loopMs: result.phases.traceMs, passMs: performance.now() - t0, steps: result.steps.length };
  };
  // For reference: the harness driving a slice compiled once (never the case in the runner).
  const compiledOnce = tf.tidy(() => compile(traceJob.code).__rnnlintProbe);

  // The hand-written side: the cell as a user's script compiles it, driven 8 steps.
  const ts = require('typescript');
  const handJs = ts.transpileModule(CELL, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const xs = Array.from({ length: STEPS }, (_, t) => tf.randomNormal([2, 10], 0, 1, 'float32', 42 + t));
  const loop = (step) => {
    const t0 = performance.now();
    let h = tf.zeros([2, 20]);
    for (let t = 0; t < STEPS; t++) {
      const next = step(xs[t], h);
      next.dataSync();
      h.dispose();
      h = next;
    }
    h.dispose();
    return performance.now() - t0;
  };
  const handRun = () => {
    const before = variables();
    // tidy: the initial values the cell's tf.variable() calls copy are not left behind.
    const step = tf.tidy(() => compile(handJs).step);
    const ms = loop(step);
    disposeVariablesSince(before);
    return ms;
  };
  const warmStep = tf.tidy(() => compile(handJs).step);

  const check = probeRun(traceJob);
  if (check.steps !== STEPS) throw new Error(`the harness drove ${check.steps} steps, expected ${STEPS}`);
  for (let i = 0; i < warmup; i++) {
    probeRun(traceJob);
    handRun();
    loop(warmStep);
    probeRun(traceJob, compiledOnce);
    if (i % wholeEvery === 0) probeRun(wholeJob);
  }
  const numTensors = tf.memory().numTensors;

  const perRound = { probeLoop: [], probePass: [], whole: [], hand: [], handWarm: [], probeWarm: [], ratio: [] };
  for (let r = 0; r < rounds; r++) {
    const a = [];
    const pass = [];
    const b = [];
    const w = [];
    const pw = [];
    const whole = [];
    for (let i = 0; i < pairs; i++) {
      const probeFirst = (r + i) % 2 === 0;
      if (!probeFirst) b.push(handRun());
      const p = probeRun(traceJob);
      a.push(p.loopMs);
      pass.push(p.passMs);
      if (probeFirst) b.push(handRun());
      w.push(loop(warmStep));
      pw.push(probeRun(traceJob, compiledOnce).loopMs);
      if (i % wholeEvery === 0) whole.push(probeRun(wholeJob).passMs);
    }
    const ma = median(a);
    const mb = median(b);
    perRound.probeLoop.push(ma);
    perRound.probePass.push(median(pass));
    perRound.whole.push(median(whole));
    perRound.hand.push(mb);
    perRound.handWarm.push(median(w));
    perRound.probeWarm.push(median(pw));
    perRound.ratio.push(ma / mb);
  }
  const leaked = tf.memory().numTensors - numTensors;
  const ratioOf = (xs) => median(xs.map((x, i) => x / perRound.hand[i]));
  return {
    backend,
    rounds,
    pairs,
    loopsPerSide: rounds * pairs,
    traceLoopMs: spread(perRound.probeLoop, 3),
    tracePassMs: spread(perRound.probePass, 3),
    wholeProbeMs: spread(perRound.whole, 2),
    handLoopMs: spread(perRound.hand, 3),
    handLoopCompiledOnceMs: spread(perRound.handWarm, 3),
    traceLoopCompiledOnceMs: spread(perRound.probeWarm, 3),
    overheadCompiledOnce: spread(perRound.probeWarm.map((x, i) => x / perRound.handWarm[i])),
    overheadTraceLoop: {
      ...spread(perRound.ratio),
      p25: round(percentile(perRound.ratio, 25), 2),
      p75: round(percentile(perRound.ratio, 75), 2),
    },
    overheadTracePass: round(ratioOf(perRound.probePass), 2),
    overheadWholeProbe: round(ratioOf(perRound.whole), 2),
    overheadVsCompiledOnce: round(median(perRound.probeLoop.map((x, i) => x / perRound.handWarm[i])), 2),
    tensorsLeftAfterRounds: leaked,
  };
}

export async function run({ quick = false } = {}) {
  const notMeasured = (reason) => ({ id: 'probe', rows: [{ what: 'probe', figure: `not measured: ${reason}`, value: null, target: '', met: null }], details: { measured: false, reason } });
  if (!fs.existsSync(RUNNER)) return notMeasured('dist/probe-runner.js is missing (npm run build)');
  const t0 = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-bench-probe-'));
  try {
    const fileName = path.join(dir, 'cell20.ts');
    fs.writeFileSync(fileName, CELL);
    const probe = await buildProbeModule(dir);
    const req = { text: CELL, fileName };

    const runner = await runnerFigures(probe, req, { coldReps: quick ? 2 : 5, warmReps: quick ? 5 : 20 });
    const o = await overhead(probe, fileName, quick ? { rounds: 7, pairs: 20, wholeEvery: 5, warmup: 250 } : { rounds: 15, pairs: 40, wholeEvery: 5, warmup: 300 });
    const ov = o.overheadTraceLoop;
    const details = {
      measured: true,
      cell: CELL_DESC,
      backend: runner.backend,
      coldFirstTraceMs: round(runner.coldMs),
      warmFirstTraceMs: round(runner.warmMs),
      warmFirstTraceSpreadMs: runner.warmSpread,
      inProcess: o,
      // The same figures as before this module timed in process: the runner's own timings.
      inRunner: { runMs: runner.runMs, traceOnlyRunMs: runner.traceRunMs, traceLoopMs: runner.traceLoopMs, phasesMs: runner.phasesMs },
      traceLoopMs: o.traceLoopMs.median,
      handLoopMs: o.handLoopMs.median,
      handLoopBackend: o.backend,
      overheadTraceLoop: ov.median,
      overheadTraceOnly: o.overheadTracePass,
      overheadFullProbe: o.overheadWholeProbe,
      targets: TARGETS,
      seconds: round((performance.now() - t0) / 1000),
    };
    const row = (what, value, figure, target, met) => ({ what, figure, value, target, met });
    const result = {
      id: 'probe',
      rows: [
        row(`probe cold first trace (${CELL_DESC}, ${runner.backend})`, details.coldFirstTraceMs, `${details.coldFirstTraceMs} ms`, `<= ${TARGETS.coldMs} ms`, details.coldFirstTraceMs <= TARGETS.coldMs),
        row('probe warm first trace', details.warmFirstTraceMs, `${details.warmFirstTraceMs} ms`, `<= ${TARGETS.warmMs} ms`, details.warmFirstTraceMs <= TARGETS.warmMs),
        row(
          'probe harness vs hand-written loop',
          ov.median,
          `${ov.median}x trace loop (${o.traceLoopMs.median} vs ${o.handLoopMs.median} ms; ${ov.min}-${ov.max}x over ${o.rounds} rounds of ${o.pairs} pairs; ` +
            `${o.overheadCompiledOnce.median}x with the cell compiled once on both sides); ${o.overheadTracePass}x trace pass, ${o.overheadWholeProbe}x whole probe`,
          `<= ${TARGETS.overhead}x`,
          ov.median <= TARGETS.overhead,
        ),
      ],
      details,
    };
    log(
      `probe: cold first trace ${details.coldFirstTraceMs} ms (target < ${TARGETS.coldMs}), warm ${details.warmFirstTraceMs} ms (target < ${TARGETS.warmMs}, ${o.backend}); ` +
        `in process, ${o.rounds} rounds x ${o.pairs} pairs: trace loop ${o.traceLoopMs.median} ms (rounds ${o.traceLoopMs.min}-${o.traceLoopMs.max}), ` +
        `hand loop ${o.handLoopMs.median} ms (${o.handLoopMs.min}-${o.handLoopMs.max}; compiled once ${o.handLoopCompiledOnceMs.median}): ` +
        `overhead x${ov.median} (rounds ${ov.min}-${ov.max}, quartiles ${ov.p25}-${ov.p75}), target x${TARGETS.overhead}; ` +
        `cell compiled once on both sides: ${o.traceLoopCompiledOnceMs.median} vs ${o.handLoopCompiledOnceMs.median} ms, x${o.overheadCompiledOnce.median} (${o.overheadCompiledOnce.min}-${o.overheadCompiledOnce.max}); ` +
        `fresh probe vs the hand loop compiled once x${o.overheadVsCompiledOnce}; x${o.overheadTracePass} trace pass (${o.tracePassMs.median} ms), x${o.overheadWholeProbe} whole probe (${o.wholeProbeMs.median} ms); ` +
        `in the runner: trace loop ${runner.traceLoopMs.median} ms (${runner.traceLoopMs.min}-${runner.traceLoopMs.max}); ${details.seconds} s`,
    );
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, run);
