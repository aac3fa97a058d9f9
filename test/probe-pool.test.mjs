// The runner pool on real tfjs: warm reuse, cancel, dispose, heap limit. Built from the sources into
// a scratch bundle (dist/ has no entry exporting the pool); it drives dist/probe-runner.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { root, runnerPath, fixture, isAlive, goneWithin, leftovers, newMarker } from './probe-helpers.mjs';

const require = createRequire(import.meta.url);
let probe;
let pool;
const marker = newMarker();

before(async () => {
  const esbuild = require('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-probe-pool-'));
  const entry = path.join(dir, 'entry.ts');
  fs.writeFileSync(
    entry,
    `export { probeText } from ${JSON.stringify(path.join(root, 'server/src/probe/probe.ts'))};\n` +
      `export { ProbePool } from ${JSON.stringify(path.join(root, 'server/src/probe/pool.ts'))};\n` +
      `export { relateToRules } from ${JSON.stringify(path.join(root, 'server/src/probe/probe.ts'))};\n`,
  );
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(dir, 'probe.js'), logLevel: 'warning', absWorkingDir: root });
  probe = require(path.join(dir, 'probe.js'));
  // Children inherit the environment: the marker finds anything the pool left behind.
  process.env.RNNLINT_TEST_MARKER = marker;
  pool = new probe.ProbePool(runnerPath);
});

after(() => pool?.dispose());

// A generous time limit where the limit is not under test (a loaded machine must not fail these).
const read = (f) => ({ text: fs.readFileSync(fixture(f), 'utf8'), fileName: fixture(f), timeoutMs: 60_000 });

test('a second run reuses the warm runner and gives the same figures', async () => {
  const a = await probe.probeText(read('simple-rnn.ts'), pool);
  assert.ok(a.ok, JSON.stringify(a));
  const pid = pool.pid;
  assert.ok(pid && isAlive(pid));
  const b = await probe.probeText(read('simple-rnn.ts'), pool);
  assert.ok(b.ok);
  assert.equal(a.trace.timings.warm, false);
  assert.equal(b.trace.timings.warm, true);
  assert.equal(pool.pid, pid, 'same runner process');
  assert.equal(b.trace.timings.loadTfMs, 0, 'tfjs is not loaded again');
  assert.deepEqual(a.trace.steps.map((s) => s.states), b.trace.steps.map((s) => s.states));
  // Tensors of the first run were released: the live count starts from the same place.
  assert.deepEqual(a.trace.steps.map((s) => s.liveTensors), b.trace.steps.map((s) => s.liveTensors));
});

test('cancel kills the runner (and its group) at once', async () => {
  const ac = new AbortController();
  const running = probe.probeText({ ...read('infinite-loop.ts'), signal: ac.signal, timeoutMs: 60_000 }, pool);
  await new Promise((r) => setTimeout(r, 1500));
  const pid = pool.pid;
  assert.ok(pid && isAlive(pid), 'the runner is busy in the loop');
  ac.abort();
  const res = await running;
  assert.equal(res.ok, false);
  assert.equal(res.failure.kind, 'cancelled');
  assert.equal(pool.pid, undefined);
  assert.deepEqual(await leftovers(marker), []);
  // The next run starts a fresh runner.
  const next = await probe.probeText(read('gru-cell.ts'), pool);
  assert.ok(next.ok);
  assert.equal(next.trace.timings.warm, false);
});

test('a cell exhausting the heap is stopped and the message names the limit and the setting', async () => {
  const text = `import * as tf from '@tensorflow/tfjs';
const W = tf.variable(tf.randomNormal([4, 8]));
export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const hog: number[][] = [];
  for (;;) hog.push(new Array(1e6).fill(Math.random()));
  return tf.tanh(tf.matMul(x, W).add(h)) as tf.Tensor2D;
}
`;
  const res = await probe.probeText({ text, fileName: path.join(os.tmpdir(), 'hog.ts'), maxHeapMb: 96, timeoutMs: 60_000 }, pool);
  assert.equal(res.ok, false);
  assert.equal(res.failure.kind, 'memory', JSON.stringify(res.failure));
  assert.match(res.failure.message, /96 MB/);
  assert.match(res.failure.message, /rnnlint\.probe\.maxHeapMb/);
  assert.deepEqual(await leftovers(marker), []);
});

test('dispose ends the runner', async () => {
  const res = await probe.probeText(read('simple-rnn.ts'), pool);
  assert.ok(res.ok, JSON.stringify(res.failure));
  const pid = pool.pid;
  pool.dispose();
  assert.deepEqual(await leftovers(marker), []);
  assert.equal(await goneWithin(pid), true, `runner ${pid} still alive after dispose`);
});

test('findings say whether the static rule agrees; a static report the run disproves is a "contradicts" finding', async () => {
  const { text, fileName } = read('ignores-state.ts');
  const res = await probe.probeText({ text, fileName }, pool);
  assert.ok(res.ok);
  const cell = res.trace.cell;
  const finding = res.trace.findings.find((f) => f.id === 'ignores-state');
  assert.equal(finding.confirms, 'unused-hidden-state');
  // The same static report against a run in which the output did depend on the state.
  const checks = { ...res.trace.checks, hiddenSensitivity: 0.25 };
  const related = probe.relateToRules([], { checks, steps: res.trace.steps }, text, fileName, cell);
  const c = related.find((f) => f.id === 'contradicts');
  assert.ok(c, JSON.stringify(related));
  assert.equal(c.contradicts, 'unused-hidden-state');
  assert.match(c.message, /contradicts unused-hidden-state/);
  // A finding the static rules do not report on this cell says so.
  const unrelated = probe.relateToRules(
    [{ id: 'double-squash', severity: 'warning', message: 'probe: squashed twice', rule: 'stacked-activation', line: cell.line }],
    { checks: res.trace.checks, steps: res.trace.steps },
    text,
    fileName,
    cell,
  );
  assert.match(unrelated[0].message, /not reported by the static rule stacked-activation/);
  assert.equal(unrelated[0].confirms, undefined);
});
