// The probe through `rnnlint probe`, on real tfjs: the figures a user reads, the exit codes, what
// must not happen (top-level side effects, runaway cells, leftover processes), the JSON schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, leftovers, probeCli, schema, goneWithin } from './probe-helpers.mjs';
import { validate } from './probe-schema.mjs';

const TANH1 = Math.tanh(1);
const lineOf = (file, needle) => fs.readFileSync(fixture(file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

// A generous time limit: the default 10 s is not what these tests check, and a loaded CI machine
// should not turn a slow cold start into a failure.
const SLOW_OK = ['--timeout', '60000'];

function probeJson(file, extra = []) {
  const r = probeCli([fixture(file), '--format', 'json', ...SLOW_OK, ...extra]);
  assert.ok(r.json, `no JSON from ${file}: ${r.stderr}`);
  assert.deepEqual(validate(schema, r.json), [], `${file}: trace does not match the schema`);
  return r;
}

test('correct cells run, respond to their state and report no problems', () => {
  for (const [file, states] of [
    ['simple-rnn.ts', ['h']],
    ['gru-cell.ts', ['h']],
    ['lstm-forward.ts', ['h', 'c']],
  ]) {
    const { code, json } = probeJson(file);
    assert.equal(code, 0, `${file}: ${JSON.stringify(json.findings)}`);
    assert.deepEqual(json.cell.stateNames, states);
    assert.equal(json.steps.length, 8);
    assert.ok(json.checks.hiddenSensitivity > 1e-3, `${file}: sensitivity ${json.checks.hiddenSensitivity}`);
    assert.equal(json.checks.frozen, false);
    assert.equal(json.checks.nanStep, null);
    assert.equal(json.checks.gradientNorms.length, 8);
    assert.ok(json.checks.gradientNorms.every((g) => g > 0), `${file}: gradients ${json.checks.gradientNorms}`);
    assert.deepEqual(json.findings.filter((f) => f.severity !== 'info'), []);
    assert.ok(['wasm', 'cpu', 'tensorflow'].includes(json.backend));
  }
});

test('sizes come from the weights: the SimpleRNN step gets input 6 and 12 units', () => {
  const { json } = probeJson('simple-rnn.ts');
  assert.equal(json.config.inputSize, 6);
  assert.deepEqual(json.config.stateSizes, [12]);
  assert.equal(json.steps[0].states.h.first.length, 8);
});

test('a cell that ignores its state: zero sensitivity, confirms unused-hidden-state, exit 1', () => {
  const { code, json } = probeJson('ignores-state.ts');
  assert.equal(code, 1);
  assert.equal(json.checks.hiddenSensitivity, 0);
  assert.ok(json.checks.gradientNorms.every((g) => g === 0));
  const f = json.findings.find((x) => x.id === 'ignores-state');
  assert.ok(f, JSON.stringify(json.findings));
  assert.equal(f.confirms, 'unused-hidden-state');
  assert.match(f.message, /confirms unused-hidden-state/);
});

test('a frozen cell: zero change at every step, frozen, confirms returns-input-state at the return', () => {
  const { code, json } = probeJson('frozen.ts');
  assert.equal(code, 1);
  assert.equal(json.checks.frozen, true);
  assert.deepEqual(json.checks.frozenStates, ['h']);
  for (const s of json.steps) assert.equal(s.states.h.change, 0);
  const f = json.findings.find((x) => x.id === 'frozen-state');
  assert.equal(f.confirms, 'returns-input-state');
  assert.equal(f.line, lineOf('frozen.ts', 'return [hNew, h]'));
});

test('tanh of tanh never leaves ±tanh(1) and the probe says so; a single tanh does', () => {
  const { code, json } = probeJson('tanh-tanh.ts');
  assert.equal(code, 1);
  for (const s of json.steps) {
    assert.ok(Math.abs(s.states.h.min) <= TANH1 + 1e-6 && Math.abs(s.states.h.max) <= TANH1 + 1e-6, JSON.stringify(s.states.h));
  }
  const r = json.checks.drivenRange.h;
  assert.ok(Math.max(-r.min, r.max) <= TANH1 + 1e-6);
  assert.ok(Math.max(-r.min, r.max) > TANH1 - 0.01, 'driven inputs should reach the bound');
  const f = json.findings.find((x) => x.id === 'double-squash');
  assert.ok(f, JSON.stringify(json.findings));
  assert.equal(f.confirms, 'stacked-activation');
  assert.match(f.message, /0\.7616/);

  const single = probeJson('simple-rnn.ts').json.checks.drivenRange.h;
  assert.ok(Math.max(-single.min, single.max) > 0.99);
});

test('a NaN cell reports the first step with NaN', () => {
  const { code, json } = probeJson('nan-cell.ts');
  assert.equal(code, 1);
  assert.equal(json.checks.nanStep, 1);
  assert.equal(json.steps[0].hasNaN, true);
  assert.ok(json.findings.some((f) => f.id === 'nan' && f.step === 1));
});

test('per-step figures: tensors a step leaves behind, NaN in an output that is not a state', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-probe-'));
  const cell = (name, body) => {
    const file = path.join(dir, name);
    fs.writeFileSync(
      file,
      `import * as tf from '@tensorflow/tfjs';\n\nconst Wx = tf.variable(tf.randomNormal([6, 12], 0, 0.4));\nconst Wh = tf.variable(tf.randomNormal([12, 12], 0, 0.3));\n\n${body}\n`,
    );
    return file;
  };
  const run = (file) => {
    const r = probeCli([file, '--format', 'json', ...SLOW_OK]);
    assert.ok(r.json, `no JSON from ${file}: ${r.stderr}`);
    assert.deepEqual(validate(schema, r.json), [], `${file}: trace does not match the schema`);
    return r.json;
  };

  // No tf.tidy: the two products and their sum stay behind every step; the new state does not count.
  const untidy = run(cell('untidy.ts', 'export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {\n  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)));\n}'));
  assert.deepEqual(untidy.steps.map((s) => s.leakedTensors), Array(8).fill(3));
  assert.equal(untidy.checks.leakedTensorsPerStep, 3);
  assert.ok(untidy.findings.some((f) => f.id === 'leak'));
  const tidy = probeJson('simple-rnn.ts').json;
  assert.equal(tidy.checks.leakedTensorsPerStep, 0);
  assert.ok(!tidy.findings.some((f) => f.id === 'leak'));

  // The output is a tensor of its own: its NaN is the step's, while the state stays finite.
  const nanOut = run(
    cell(
      'nan-output.ts',
      'export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D[] {\n  return tf.tidy(() => {\n    const hNew = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)));\n    return [tf.log(hNew.sub(2)), hNew];\n  });\n}',
    ),
  );
  assert.equal(nanOut.checks.nanStep, 1);
  assert.ok(nanOut.steps.every((s) => s.hasNaN && s.outputNorm === null && Number.isFinite(s.states.h.std) && s.leakedTensors === 0));
  assert.ok(nanOut.steps[1].states.h.change > 0);
});

test('the top level of the file does not run: no file write, no infinite loop', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-probe-')), 'side-effect.txt');
  const r = probeCli([fixture('side-effects.ts'), '--format', 'json'], { env: { RNNLINT_SIDE_EFFECT_FILE: out } });
  // The top-level `for (;;)` would have hit the 10 s limit (exit 2); the probe ran the cell only.
  assert.equal(r.code, 0, r.stderr);
  assert.equal(fs.existsSync(out), false, 'the top-level writeFileSync ran');
  assert.ok(r.json.checks.hiddenSensitivity > 0);
});

test('an infinite loop in the cell is stopped at the time limit and nothing is left running', async () => {
  const r = probeCli([fixture('infinite-loop.ts'), '--timeout', '1500']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /time limit of 1\.5 s/);
  assert.match(r.stderr, /rnnlint\.probe\.timeoutMs/);
  assert.deepEqual(await leftovers(r.marker), []);
});

test('a throw is reported at its line in the user file', () => {
  const r = probeCli([fixture('throws.ts')]);
  assert.equal(r.code, 2);
  const line = lineOf('throws.ts', "throw new Error('probe fixture");
  assert.ok(line > 1);
  assert.match(r.stderr, new RegExp(`throws\\.ts:${line}:\\d+: .*deliberate failure`));
  const j = probeCli([fixture('throws.ts'), '--format', 'json']);
  assert.equal(j.json.ok, false);
  assert.equal(j.json.error.kind, 'throw');
  assert.equal(j.json.error.line, line);
});

test('process.exit in the cell is contained', async () => {
  const r = probeCli([fixture('process-exit.ts')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /process\.exit\(3\)/);
  assert.match(r.stderr, new RegExp(`process-exit\\.ts:${lineOf('process-exit.ts', 'process.exit(3)')}:`));
  assert.deepEqual(await leftovers(r.marker), []);
});

test('processes the cell spawns (even detached) do not outlive the probe', async () => {
  const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-probe-')), 'pids');
  const r = probeCli([fixture('spawns.ts'), '--format', 'json'], { env: { RNNLINT_SPAWN_PID_FILE: pidFile } });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const pids = fs.readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
  assert.ok(pids.length >= 8, `the cell ran ${pids.length} times`);
  assert.deepEqual(await leftovers(r.marker), []);
  for (const pid of pids) assert.equal(await goneWithin(pid), true, `spawned ${pid} still alive`);
});

test('the @probe tag sets sizes, steps and argument expressions', () => {
  const { code, json } = probeJson('tagged.ts');
  assert.equal(code, 0, JSON.stringify(json.findings));
  assert.equal(json.config.inputSize, 5);
  assert.deepEqual(json.config.stateSizes, [7]);
  assert.equal(json.steps.length, 12);
  assert.match(json.config.tag, /makeWeights\(5, 7\)/);
});

test('what cannot be inferred: the message says what to add to the tag', () => {
  const r = probeCli([fixture('needs-tag.ts')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /ConfigurableCell/);
  assert.match(r.stderr, /\/\*\* @probe \{"args": \[20, <activation>\]\} \*\//);
});

test('flags: --steps, --batch, --seed; the same seed gives the same trace', () => {
  const a = probeJson('gru-cell.ts', ['--steps', '5', '--batch', '3', '--seed', '7']).json;
  const b = probeJson('gru-cell.ts', ['--steps', '5', '--batch', '3', '--seed', '7']).json;
  const c = probeJson('gru-cell.ts', ['--steps', '5', '--batch', '3', '--seed', '8']).json;
  assert.equal(a.steps.length, 5);
  assert.equal(a.config.batch, 3);
  assert.deepEqual(a.steps, b.steps);
  assert.notDeepEqual(a.steps, c.steps);
});

test('the table format shows the per-step figures and the findings', () => {
  const r = probeCli([fixture('ignores-state.ts')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /state h/);
  assert.match(r.stdout, /hiddenSensitivity\s+0\.000/);
  assert.match(r.stdout, /confirms unused-hidden-state/);
  assert.equal(r.stdout.split('\n').filter((l) => /^\s+[1-8]\s+\d/.test(l)).length, 8);
});

test('usage errors exit 2', () => {
  assert.equal(probeCli([]).code, 2);
  assert.equal(probeCli([fixture('simple-rnn.ts'), '--format', 'xml']).code, 2);
  assert.equal(probeCli([fixture('simple-rnn.ts'), '--cell', 'nope']).code, 2);
});

test('the schema check itself rejects a broken trace', () => {
  const { json } = probeJson('simple-rnn.ts');
  const broken = structuredClone(json);
  delete broken.checks.hiddenSensitivity;
  broken.steps[0].states.h.saturated = 2;
  const errors = validate(schema, broken);
  assert.ok(errors.some((e) => e.includes('hiddenSensitivity')));
  assert.ok(errors.some((e) => e.includes('saturated')));
});

/** A scratch workspace with its own node_modules/@tensorflow/tfjs-node (index.js given). */
function workspaceWithTfjsNode(indexJs) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-probe-ws-'));
  const pkg = path.join(ws, 'node_modules', '@tensorflow', 'tfjs-node');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@tensorflow/tfjs-node', version: '4.22.0', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'index.js'), indexJs);
  const cell = path.join(ws, 'cell.ts');
  fs.copyFileSync(fixture('simple-rnn.ts'), cell);
  return { ws, cell };
}

test("the workspace's own @tensorflow/tfjs-node is used when it loads, the bundled tfjs when it does not", () => {
  // A stand-in for tfjs-node (the real one needs a native library this machine cannot download): it
  // is the workspace's package, resolved and loaded from the user's folder.
  const tfjsPath = JSON.stringify(path.join(path.dirname(fixture('x')), '..', '..', 'node_modules', '@tensorflow', 'tfjs'));
  const good = workspaceWithTfjsNode(`module.exports = require(${tfjsPath});\n`);
  const r = probeCli([good.cell, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(validate(schema, r.json), []);
  assert.equal(r.json.tfjs.source, 'workspace');
  assert.equal(fs.realpathSync(r.json.tfjs.path), fs.realpathSync(path.join(good.ws, 'node_modules', '@tensorflow', 'tfjs-node', 'index.js')));
  assert.ok(r.json.checks.hiddenSensitivity > 0);

  const bad = workspaceWithTfjsNode(`throw new Error('libtensorflow.so: cannot open shared object file');\n`);
  const r2 = probeCli([bad.cell, '--format', 'json']);
  assert.equal(r2.code, 0, r2.stderr);
  assert.equal(r2.json.tfjs.source, 'bundled');
  assert.match(r2.json.tfjs.fallbackReason, /libtensorflow\.so/);
  assert.ok(['wasm', 'cpu'].includes(r2.json.backend));
  // Same cell, same seed: the same figures whichever tfjs ran it.
  assert.deepEqual(
    r2.json.steps.map((s) => s.states.h.norm.toFixed(4)),
    r.json.steps.map((s) => s.states.h.norm.toFixed(4)),
  );
});

test('several cells: without --cell the probe lists them; --cell picks one', () => {
  const r = probeCli([fixture('two-cells.ts')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /goodStep, forgetfulStep/);
  const good = probeJson('two-cells.ts', ['--cell', 'goodStep']);
  assert.equal(good.code, 0);
  assert.equal(good.json.cell.name, 'goodStep');
  assert.ok(good.json.checks.hiddenSensitivity > 0);
  const bad = probeJson('two-cells.ts', ['--cell', 'forgetfulStep']);
  assert.equal(bad.code, 1);
  assert.equal(bad.json.cell.name, 'forgetfulStep');
  assert.equal(bad.json.checks.hiddenSensitivity, 0);
});

test('per-state sensitivity: an LSTM that never reads c is caught although h matters', () => {
  const { code, json } = probeJson('lstm-ignores-c.ts');
  assert.equal(code, 1);
  assert.deepEqual(json.cell.stateNames, ['h', 'c']);
  assert.deepEqual(json.config.stateSizes, [8, 8]);
  assert.ok(json.checks.hiddenSensitivity > 0);
  assert.ok(json.checks.stateSensitivity.h > 0);
  assert.equal(json.checks.stateSensitivity.c, 0);
  const f = json.findings.find((x) => x.id === 'ignores-state' && x.state === 'c');
  assert.ok(f, JSON.stringify(json.findings));
  assert.match(f.message, /never reads c/);
  // The correct LSTM reads both.
  const ok = probeJson('lstm-forward.ts').json.checks.stateSensitivity;
  assert.ok(ok.h > 0 && ok.c > 0, JSON.stringify(ok));
});
