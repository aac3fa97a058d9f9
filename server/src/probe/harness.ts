// Runs inside the runner child process: drives a sliced cell for T steps on seeded inputs and
// measures its states. `tf` is whichever tfjs the runner loaded (the cell's imports resolve to it).

import type { ProbeChecks, ProbeFinding, ProbeJob, ProbeStep, StateStepStats } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Tf = any;
type Tensor = any;

export interface ProbeModule {
  create: (S: Sizes, tf: Tf, w: (tf: Tf, shape: number[]) => Tensor, b: (tf: Tf, shape: number[]) => Tensor) => any;
  args: (tf: Tf, S: Sizes, w: (tf: Tf, shape: number[]) => Tensor, b: (tf: Tf, shape: number[]) => Tensor) => any[];
  inputHints: ((self?: any, args?: any[]) => any)[];
  stateHints: ((self?: any, args?: any[]) => any)[][];
  /** Weights multiplied with concat([x, h, ...]): rows = inputs*input + sum of those states. */
  sumHints?: { inputs: number; states: number[]; get: (self?: any, args?: any[]) => any }[];
  /** Every weight multiplied with the input or a state: its columns are the state size (x outMult). */
  columnHints?: ((self?: any, args?: any[]) => any)[];
  outMult?: number;
}

export interface Sizes {
  input: number;
  states: number[];
}

export const DEFAULT_INPUT = 10;
export const DEFAULT_STATE = 20;
const SAT = 0.99;
const TANH1 = Math.tanh(1);
const SIGM1 = 1 / (1 + Math.exp(-1));

export class CellError extends Error {
  constructor(
    message: string,
    readonly original?: unknown,
  ) {
    super(message);
  }
}

function isTensor(tf: Tf, v: unknown): boolean {
  return v instanceof tf.Tensor;
}

function shapeOf(v: any): number[] | null {
  if (v && Array.isArray(v.shape)) return v.shape;
  return null;
}

function evalHint(h: (self?: any, args?: any[]) => any, self: any, args: any[]): number[] | null {
  try {
    return shapeOf(h(self, args));
  } catch {
    return null;
  }
}

/** Seeded PRNG for Math.random while the cell runs (weight initializers draw from it). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Driver {
  sizes: Sizes;
  nStates: number;
  /** One step: returns the output and the new states. Throws CellError on a malformed return. */
  step: (x: Tensor, states: Tensor[]) => { output: Tensor; states: Tensor[] };
}

export function makeDriver(tf: Tf, job: ProbeJob, mod: ProbeModule): Driver {
  const { cell, config } = job;
  const S: Sizes = {
    input: config.inputSize ?? DEFAULT_INPUT,
    states: config.stateSizes?.slice() ?? [DEFAULT_STATE],
  };
  const w = (tf2: Tf, shape: number[]) => tf2.randomNormal(shape, 0, 1 / Math.sqrt(shape[0]), 'float32', config.seed + 7 + shape[0] * 31 + shape[1]);
  const b = (tf2: Tf, shape: number[]) => tf2.zeros(shape);
  const instance = mod.create(S, tf, w, b);
  const self = cell.kind === 'step-function' ? undefined : instance;
  // Extra arguments first with the provisional sizes: size hints may read them (weights.Wh).
  let extra = mod.args(tf, S, w, b);

  let nStates: number;
  if (cell.layout.kind === 'inputs-array' && cell.kind !== 'rnn-cell') {
    nStates = cell.layout.count ?? 1;
  } else if (cell.layout.kind === 'inputs-array') {
    const ss = instance.stateSize;
    const sizes = Array.isArray(ss) ? ss.map(Number) : [Number(ss)];
    if (!sizes.length || sizes.some((n) => !Number.isFinite(n) || n <= 0))
      throw new CellError(`${cell.name}.stateSize is ${JSON.stringify(ss)}; an RNNCell must set stateSize (a number or an array of numbers).`);
    S.states = sizes;
    nStates = sizes.length;
  } else {
    nStates = cell.layout.params.reduce((n, p) => n + (p.count || 1), 0);
  }

  // Sizes from weights multiplied with the input / a state, unless the tag fixed them.
  const inputShapes = mod.inputHints.map((h) => evalHint(h, self, extra)).filter((s): s is number[] => !!s && s.length === 2);
  if (config.inputSize == null && inputShapes.length) S.input = inputShapes[0][0];
  const stateShapes = mod.stateHints.map((hs) => hs.map((h) => evalHint(h, self, extra)).filter((s): s is number[] => !!s && s.length === 2));
  if (cell.kind !== 'rnn-cell' && config.stateSizes == null) {
    const known = stateShapes.map((s) => (s.length ? s[0][0] : null));
    const cols = (mod.columnHints ?? []).map((h) => evalHint(h, self, extra)).find((s) => !!s && s.length === 2);
    const mult = mod.outMult ?? 1;
    const fromCols = cols && cols[1] % mult === 0 ? cols[1] / mult : undefined;
    const fallback = known.find((k) => k != null) ?? fromCols ?? DEFAULT_STATE;
    S.states = Array.from({ length: nStates }, (_, i) => known[i] ?? fallback);
  }
  // concat([x, h]) @ W: the input size is what remains of W's rows.
  if (config.inputSize == null && !inputShapes.length)
    for (const sh of mod.sumHints ?? []) {
      const shape = evalHint(sh.get, self, extra);
      if (!shape || shape.length !== 2 || sh.inputs !== 1) continue;
      const rest = shape[0] - sh.states.reduce((a, i) => a + (S.states[i] ?? 0), 0);
      if (rest > 0) {
        S.input = rest;
        break;
      }
    } else if (config.stateSizes) {
    S.states = Array.from({ length: nStates }, (_, i) => config.stateSizes![i] ?? config.stateSizes![0]);
  }

  if (config.sizeSources.args !== 'tag') extra = mod.args(tf, S, w, b);

  if (cell.kind === 'rnn-cell' && !instance.built && typeof instance.build === 'function') {
    instance.build([null, S.input]);
    instance.built = true;
  }

  const pack = (states: Tensor[]): any[] => {
    if (cell.layout.kind !== 'params') return states;
    const out: any[] = [];
    let i = 0;
    for (const p of cell.layout.params) {
      if (p.count === 0) out.push(states[i++]);
      else (out.push(states.slice(i, i + p.count)), (i += p.count));
    }
    return out;
  };

  const normalize = (ret: any): { output: Tensor; states: Tensor[] } => {
    if (ret && typeof ret.then === 'function') throw new CellError(`${cell.name} returned a Promise; the probe drives synchronous steps.`);
    if (isTensor(tf, ret)) {
      if (nStates !== 1) throw new CellError(`${cell.name} returned one tensor, but it takes ${nStates} states; return [output, ${cell.stateNames.join(', ')}].`);
      return { output: ret, states: [ret] };
    }
    if (Array.isArray(ret)) {
      const flat = ret.flatMap((r: any) => (Array.isArray(r) ? r : [r]));
      if (!flat.every((t: any) => isTensor(tf, t))) throw new CellError(`${cell.name} returned an array holding something other than tensors.`);
      if (flat.length === nStates + 1) return { output: flat[0], states: flat.slice(1) };
      if (flat.length === nStates) return { output: flat[0], states: flat };
      throw new CellError(`${cell.name} returned ${flat.length} tensors; expected ${nStates + 1} (output and ${nStates} state${nStates > 1 ? 's' : ''}) or ${nStates}.`);
    }
    if (ret && typeof ret === 'object') {
      const keys = Object.keys(ret);
      const states = cell.stateNames.map((n, i) => ret[n] ?? ret[n.replace(/Prev$|_prev$|^prev/i, '')] ?? ret[['h', 'c'][i]] ?? ret[`${n}New`] ?? ret[`new${n[0].toUpperCase()}${n.slice(1)}`]);
      const byOrder = keys.map((k) => ret[k]).filter((t) => isTensor(tf, t));
      const st = states.every((s) => isTensor(tf, s)) ? states : byOrder.slice(byOrder.length - nStates);
      const output = ret.output ?? ret.out ?? ret.y ?? st[0];
      if (st.length === nStates && st.every((s: any) => isTensor(tf, s))) return { output, states: st };
      throw new CellError(`${cell.name} returned an object with keys ${keys.join(', ')}; the probe could not tell which are the new states (${cell.stateNames.join(', ')}).`);
    }
    throw new CellError(`${cell.name} returned ${ret === undefined ? 'nothing' : typeof ret}; a step returns the new state (a tensor) or [output, ...states].`);
  };

  let step: (x: Tensor, states: Tensor[]) => any;
  const asArray = cell.layout.kind === 'inputs-array';
  if (cell.kind === 'rnn-cell') step = (x, states) => instance.call([x, ...states], {});
  else if (cell.kind === 'forward')
    step = (x, states) => (asArray ? instance[cell.methodName!]([x, ...states], ...extra) : instance[cell.methodName!](x, ...pack(states), ...extra));
  else step = (x, states) => (asArray ? instance([x, ...states], ...extra) : instance(x, ...pack(states), ...extra));

  return { sizes: S, nStates, step: (x, states) => normalize(step(x, states)) };
}

/** One state's figures at one step, and whether all its values are finite (found in the same pass). */
function stats(values: Float32Array | number[], prev: Float32Array | number[] | null, batch: number): { stats: StateStepStats; finite: boolean } {
  const n = values.length;
  const per = Math.max(1, Math.floor(n / batch));
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let sat = 0;
  let dead = 0;
  let allFinite = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (Math.abs(v) >= SAT) sat++;
    if (v === 0) dead++;
    if (v - v !== 0) allFinite = false;
  }
  const mean = sum / n;
  let varSum = 0;
  for (let i = 0; i < n; i++) varSum += (values[i] - mean) ** 2;
  let norm = 0;
  let change = 0;
  for (let b = 0; b < batch; b++) {
    let s = 0;
    let c = 0;
    for (let j = 0; j < per; j++) {
      const v = values[b * per + j];
      s += v * v;
      const d = v - (prev ? prev[b * per + j] : 0);
      c += d * d;
    }
    norm += Math.sqrt(s);
    change += Math.sqrt(c);
  }
  const first: number[] = [];
  for (let i = 0, k = Math.min(8, per, n); i < k; i++) first.push(Math.round(values[i] * 1e4) / 1e4);
  return {
    stats: {
      norm: norm / batch,
      mean,
      std: Math.sqrt(varSum / n),
      min,
      max,
      saturated: sat / n,
      dead: dead / n,
      change: change / batch,
      first,
    },
    finite: allFinite,
  };
}

function perExampleNorm(values: Float32Array, batch: number): number {
  const per = Math.max(1, Math.floor(values.length / batch));
  let total = 0;
  for (let b = 0; b < batch; b++) {
    let s = 0;
    for (let j = 0; j < per; j++) s += values[b * per + j] ** 2;
    total += Math.sqrt(s);
  }
  return total / batch;
}

function finite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] - a[i] !== 0) return false;
  return true;
}

/** How many distinct tensors of `made` are new (not one of `old`) and still alive. */
function freshCount(old: Tensor[], made: Tensor[]): number {
  const ids: number[] = [];
  for (const x of made) if (!x.isDisposed && !ids.includes(x.id) && !old.some((o) => o.id === x.id)) ids.push(x.id);
  return ids.length;
}

export interface HarnessResult {
  /** Milliseconds per phase of the harness (bench: overhead over a hand-written loop). */
  phases: Record<string, number>;
  sizes: Sizes;
  steps: ProbeStep[];
  checks: ProbeChecks;
  findings: ProbeFinding[];
}

/** The probe proper. The caller wraps it in an engine scope and disposes variables afterwards. */
export function runHarness(tf: Tf, job: ProbeJob, mod: ProbeModule): HarnessResult {
  const { cell, config } = job;
  const B = config.batch;
  const T = config.steps;
  const phases: Record<string, number> = {};
  let tPhase = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = now - tPhase;
    tPhase = now;
  };
  const driver = makeDriver(tf, job, mod);
  const S = driver.sizes;
  const names = cell.stateNames.length === driver.nStates ? cell.stateNames : defaultNames(driver.nStates, cell.stateNames);
  const xs: Tensor[] = [];
  for (let t = 0; t < T; t++) xs.push(tf.randomNormal([B, S.input], 0, 1, 'float32', config.seed + t));
  const zeros = () => S.states.map((n) => tf.zeros([B, n]));

  phase('setupMs');
  // 1. The trace: T steps from the zero state.
  const baseline = tf.memory().numTensors;
  let states: Tensor[] = zeros();
  let prevValues: Float32Array[] = states.map((s) => s.dataSync() as Float32Array);
  const steps: ProbeStep[] = [];
  const outputs: Float32Array[] = [];
  let nanStep: number | null = null;
  for (let t = 0; t < T; t++) {
    const before = tf.memory().numTensors;
    let r: { output: Tensor; states: Tensor[] };
    try {
      r = driver.step(xs[t], states);
    } catch (e) {
      if (t === 0 && !(e instanceof CellError) && /shape|dimension|match|rank|size/i.test(String((e as Error)?.message)))
        (e as Error).message += ` [the probe used inputSize ${S.input}, state sizes ${S.states.join(', ')} (${describeSources(config.sizeSources)}); if these are wrong, add /** @probe {"inputSize": N, "stateSizes": [${S.states.map(() => 'M').join(', ')}]} */ above ${cell.name}]`;
      throw e;
    }
    const after = tf.memory().numTensors;
    const fresh = freshCount(states, [r.output, ...r.states]);
    // Each tensor is read once: a step whose output is its new state (a plain RNN) reads it once.
    const values = r.states.map((s) => s.dataSync() as Float32Array);
    const outState = r.states.indexOf(r.output);
    const out = outState >= 0 ? values[outState] : (r.output.dataSync() as Float32Array);
    const stateStats: Record<string, StateStepStats> = {};
    let hasNaN = outState < 0 && !finite(out);
    for (let i = 0; i < values.length; i++) {
      const st = stats(values[i], prevValues[i], B);
      stateStats[names[i]] = st.stats;
      if (!st.finite) hasNaN = true;
    }
    if (hasNaN && nanStep === null) nanStep = t + 1;
    // Copies (the CPU backend hands out its own buffers); the output shares its state's copy.
    prevValues = values.map((v) => new Float32Array(v));
    outputs.push(outState >= 0 ? prevValues[outState] : new Float32Array(out));
    steps.push({
      step: t + 1,
      states: stateStats,
      outputNorm: perExampleNorm(out, B),
      liveTensors: after - baseline,
      leakedTensors: Math.max(0, after - before - fresh),
      hasNaN,
    });
    states = r.states;
  }
  const leaks = steps.slice(1).map((s) => s.leakedTensors);
  const leakedTensorsPerStep = leaks.length ? leaks.reduce((a, b) => a + b, 0) / leaks.length : steps[0]?.leakedTensors ?? 0;

  const frozenStates = names.filter((n) => T > 1 && steps.slice(1).every((s) => s.states[n]?.change === 0));
  const checks: ProbeChecks = {
    hiddenSensitivity: null,
    stateSensitivity: null,
    frozen: frozenStates.length > 0,
    frozenStates,
    gradientNorms: null,
    gradientNormsByState: null,
    gradientError: null,
    nanStep,
    leakedTensorsPerStep,
    drivenRange: null,
  };
  phase('traceMs');
  if (job.traceOnly) return { phases, sizes: S, steps, checks, findings: [] };

  // 2. Hidden-state sensitivity: same inputs, a different initial state.
  // The largest |output - reference output| over the run from other initial states (NaN ignored).
  const maxOutputDiff = (initial: () => Tensor[]): number => tf.tidy(() => {
    let s = initial();
    let maxDiff = 0;
    for (let t = 0; t < T; t++) {
      const r = driver.step(xs[t], s);
      const o = r.output.dataSync() as Float32Array;
      const ref = outputs[t];
      for (let i = 0; i < o.length; i++) {
        const d = Math.abs(o[i] - ref[i]);
        if (d > maxDiff) maxDiff = d;
      }
      s = r.states;
    }
    return maxDiff;
  });
  checks.hiddenSensitivity = maxOutputDiff(() => S.states.map((n, i) => tf.randomUniform([B, n], -1, 1, 'float32', config.seed + 1000 + i)));

  // 2b. Per state (when there are several): only that state starts elsewhere. An output that does
  //     not move means the cell never reads that state (e.g. an LSTM that drops c).
  if (names.length > 1 && checks.hiddenSensitivity !== null) {
    const per: Record<string, number> = {};
    names.forEach((n, k) => {
      per[n] = maxOutputDiff(() => S.states.map((size, i) => (i === k ? tf.randomUniform([B, size], -1, 1, 'float32', config.seed + 2000 + i) : tf.zeros([B, size]))));
    });
    checks.stateSensitivity = per;
  }
  phase('sensitivityMs');
  // 3. Driven range: inputs x100 push every activation to its bound; a bound below 1 betrays a
  //    squashing applied twice (tanh(tanh(.)) never leaves ±tanh(1)).
  checks.drivenRange = tf.tidy(() => {
    let s: Tensor[] = zeros();
    const range: Record<string, { min: number; max: number }> = {};
    names.forEach((n) => (range[n] = { min: Infinity, max: -Infinity }));
    for (let t = 0; t < T; t++) {
      const r = driver.step(xs[t].mul(100), s);
      r.states.forEach((st: Tensor, i: number) => {
        const v = st.dataSync() as Float32Array;
        for (const x of v) {
          if (x < range[names[i]].min) range[names[i]].min = x;
          if (x > range[names[i]].max) range[names[i]].max = x;
        }
      });
      s = r.states;
    }
    return range;
  });

  phase('drivenRangeMs');
  // 4. Gradient flow: L = sum(first state after step T); d_t is added to the state entering step t,
  //    so dL/dd_t = dL/ds_t. A zero-weighted sum of every d_t keeps all of them on the tape.
  try {
    const norms = tf.tidy(() => {
      const ds: Tensor[] = [];
      for (let t = 0; t < T; t++) for (const n of S.states) ds.push(tf.zeros([B, n]));
      const f = (...d: Tensor[]) => {
        let s: Tensor[] = zeros();
        let anchor = tf.scalar(0);
        for (let t = 0; t < T; t++) {
          s = s.map((st, i) => st.add(d[t * S.states.length + i]));
          const r = driver.step(xs[t], s);
          s = r.states;
        }
        for (const x of d) anchor = anchor.add(x.sum().mul(0));
        return s[0].sum().add(anchor);
      };
      const g = tf.grads(f)(ds) as Tensor[];
      return g.map((x) => Math.sqrt((x.square().sum().dataSync() as Float32Array)[0]));
    }) as number[];
    const byState: Record<string, number[]> = {};
    names.forEach((n, i) => (byState[n] = Array.from({ length: T }, (_, t) => norms[t * S.states.length + i])));
    checks.gradientNormsByState = byState;
    checks.gradientNorms = byState[names[0]];
  } catch (e) {
    checks.gradientError = `gradients could not be computed: ${(e as Error)?.message ?? e}`;
  }

  phase('gradientMs');
  return { phases, sizes: S, steps, checks, findings: findingsFor(job, names, steps, checks) };
}

function defaultNames(n: number, known: string[]): string[] {
  const base = n === 1 ? ['h'] : n === 2 ? ['h', 'c'] : Array.from({ length: n }, (_, i) => `s${i}`);
  return base.map((b, i) => known[i] ?? b);
}

function describeSources(src: Record<string, string>): string {
  const parts = Object.entries(src).map(([k, v]) => `${k}: ${v}`);
  return parts.length ? parts.join('; ') : 'inferred from weight shapes or defaults';
}

const fmt = (x: number) => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toFixed(4) : x.toExponential(2));

/** Static rules a probe finding can confirm (ids of rules/). */
export const CONFIRMS = {
  ignoresState: 'unused-hidden-state',
  frozen: 'returns-input-state',
  doubleSquash: 'stacked-activation',
} as const;

export function findingsFor(job: ProbeJob, names: string[], steps: ProbeStep[], c: ProbeChecks): ProbeFinding[] {
  const { cell } = job;
  const out: ProbeFinding[] = [];
  const stateLine = (i: number) => cell.newStateLines[i] ?? cell.newStateLines[0] ?? cell.line;
  const T = steps.length;
  if (c.hiddenSensitivity !== null && c.hiddenSensitivity === 0 && c.nanStep === null)
    out.push({
      id: 'ignores-state',
      severity: 'error',
      message: `probe: output identical for two different initial states over ${T} steps (max |Δ| = 0): the cell ignores its hidden state`,
      rule: CONFIRMS.ignoresState,
      line: stateLine(0),
    });
  if (c.stateSensitivity && c.hiddenSensitivity !== 0 && c.nanStep === null)
    for (const [n, v] of Object.entries(c.stateSensitivity)) {
      if (v !== 0) continue;
      out.push({
        id: 'ignores-state',
        severity: 'error',
        message: `probe: output identical whatever state ${n} starts at (max |Δ| = 0 over ${T} steps): the cell never reads ${n}`,
        rule: CONFIRMS.ignoresState,
        state: n,
        line: stateLine(names.indexOf(n)),
      });
    }
  for (const n of c.frozenStates) {
    const i = names.indexOf(n);
    const never = steps[0]?.states[n]?.change === 0;
    out.push({
      id: 'frozen-state',
      severity: 'error',
      message: `probe: state ${n} ${never ? 'never changes' : 'never changes after step 1'} (Δ = 0 at steps ${never ? 1 : 2}..${T}): the new state is not handed on`,
      rule: CONFIRMS.frozen,
      state: n,
      line: stateLine(i),
    });
  }
  // A frozen or unread state also bounds what a gated state can reach: no double-squash claim then.
  const unreadState = !!c.stateSensitivity && Object.values(c.stateSensitivity).some((v) => v === 0);
  if (c.drivenRange && !c.frozen && !unreadState)
    names.forEach((n, i) => {
      const r = c.drivenRange![n];
      const seen = steps.reduce((m, s) => Math.max(m, Math.abs(s.states[n]?.min ?? 0), Math.abs(s.states[n]?.max ?? 0)), 0);
      const maxAbs = Math.max(Math.abs(r.min), Math.abs(r.max));
      if (maxAbs >= 0.75 && maxAbs <= TANH1 + 1e-4 && r.min < 0)
        out.push({
          id: 'double-squash',
          severity: 'warning',
          message: `probe: ${n} never leaves ±${TANH1.toFixed(4)} (= tanh(1)), even with inputs x100 (max |${n}| ${fmt(maxAbs)}; ${fmt(seen)} in the trace): tanh is applied to a value already squashed into [-1, 1] (a tanh of a tanh)`,
          rule: CONFIRMS.doubleSquash,
          state: n,
          line: stateLine(i),
        });
      else if (r.min >= 0.5 - 1e-4 && r.max <= SIGM1 + 1e-4 && r.max > 0.5)
        out.push({
          id: 'double-squash',
          severity: 'warning',
          message: `probe: ${n} stays within [0.5, ${SIGM1.toFixed(4)}] (= sigmoid(0)..sigmoid(1)) even with inputs x100: sigmoid is applied to a squashed value`,
          rule: CONFIRMS.doubleSquash,
          state: n,
          line: stateLine(i),
        });
    });
  if (c.nanStep !== null)
    out.push({
      id: 'nan',
      severity: 'error',
      message: `probe: NaN or Inf appears at step ${c.nanStep}`,
      step: c.nanStep,
      line: stateLine(0),
    });
  const g = c.gradientNorms;
  if (g && g.length > 1 && c.hiddenSensitivity !== 0 && c.nanStep === null) {
    const first = g[0];
    const last = g[g.length - 1];
    if (last > 0 && first / last < 1e-3)
      out.push({
        id: 'vanishing-gradient',
        severity: 'info',
        message: `probe: gradient through time vanishes: ||dL/d${names[0]}|| is ${fmt(first)} at step 1 vs ${fmt(last)} at step ${g.length} (ratio ${fmt(first / last)})`,
        line: stateLine(0),
      });
    else if (last > 0 && first / last > 1e3)
      out.push({
        id: 'exploding-gradient',
        severity: 'info',
        message: `probe: gradient through time explodes: ||dL/d${names[0]}|| is ${fmt(first)} at step 1 vs ${fmt(last)} at step ${g.length} (ratio ${fmt(first / last)})`,
        line: stateLine(0),
      });
  }
  if (c.leakedTensorsPerStep >= 1)
    out.push({
      id: 'leak',
      // Often the caller tidies around the step; worth knowing, not a failure.
      severity: 'info',
      message: `probe: ${Number(c.leakedTensorsPerStep.toFixed(1))} tensors left undisposed per step (wrap the step in tf.tidy)`,
      line: cell.line,
    });
  const lastHalf = steps.slice(Math.floor(T / 2));
  names.forEach((n, i) => {
    const sat = lastHalf.reduce((a, s) => a + (s.states[n]?.saturated ?? 0), 0) / Math.max(1, lastHalf.length);
    if (sat > 0.5)
      out.push({
        id: 'saturated',
        severity: 'info',
        message: `probe: ${Math.round(sat * 100)}% of ${n}'s units sit at |value| >= ${SAT} in the second half of the run (saturated)`,
        state: n,
        line: stateLine(i),
      });
  });
  return out;
}
