// Fused LSTM steps (`tf.basicLSTMCell`) reading their state from a local array at fixed elements,
// each carrying it: the loop writes the elements back, replaces the array, assigns the variables it
// holds, or hands it to a helper or a closure that stores the new state. Also a window computed in
// one step from a state made fresh for it, and windows that are sequences of their own.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const FEATURES = 3;
const kernel = tf.variable(tf.randomUniform([FEATURES + UNITS, 4 * UNITS], -0.1, 0.1)) as tf.Variable<tf.Rank.R2>;
const bias = tf.variable(tf.zeros([4 * UNITS])) as tf.Variable<tf.Rank.R1>;
const forgetBias = tf.scalar(1.0);

type LstmState = [tf.Tensor2D, tf.Tensor2D];

export function writesBack(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const state: LstmState = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    const [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, xs[t]!, state[0], state[1]);
    state[0] = c;
    state[1] = h;
    outputs.push(h);
  }
  return outputs;
}

export function destructures(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const state: LstmState = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    [state[0], state[1]] = tf.basicLSTMCell(forgetBias, kernel, bias, xs[t]!, state[0], state[1]);
    outputs.push(state[1]);
  }
  return outputs;
}

export function replaces(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  let state: LstmState = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    state = tf.basicLSTMCell(forgetBias, kernel, bias, xs[t]!, state[0], state[1]);
    outputs.push(state[1]);
  }
  return outputs;
}

export function variables(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const state = [tf.variable(tf.zeros([1, UNITS])), tf.variable(tf.zeros([1, UNITS]))] as const;
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    const [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, xs[t]!, state[0] as tf.Tensor2D, state[1] as tf.Tensor2D);
    state[0].assign(c);
    state[1].assign(h);
    outputs.push(h);
  }
  return outputs;
}

function store(state: tf.Tensor2D[], next: tf.Tensor2D[]): void {
  state.splice(0, state.length, ...next);
}

export function viaHelper(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const state: tf.Tensor2D[] = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    const [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, xs[t]!, state[0]!, state[1]!);
    store(state, [c, h]);
    outputs.push(h);
  }
  return outputs;
}

export function viaClosure(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const state: tf.Tensor2D[] = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
  const keep = (c: tf.Tensor2D, h: tf.Tensor2D): void => { state[0] = c; state[1] = h; };
  return xs.map((x) => {
    const [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, x, state[0]!, state[1]!);
    keep(c, h);
    return h;
  });
}

// Each window is scored in one step from a state made for it: a fresh start on purpose.
export function scoreWindows(windows: tf.Tensor2D[]): tf.Tensor2D[] {
  const scores: tf.Tensor2D[] = [];
  for (const win of windows) {
    const state: LstmState = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
    const [, h] = tf.basicLSTMCell(forgetBias, kernel, bias, win, state[0], state[1]);
    scores.push(h);
  }
  return scores;
}

// Each sequence starts from the same initial state; its steps carry it.
export function encodeAll(sequences: tf.Tensor2D[][]): tf.Tensor2D[] {
  const init: LstmState = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
  const finals: tf.Tensor2D[] = [];
  for (const seq of sequences) {
    let [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, seq[0]!, init[0], init[1]);
    for (let t = 1; t < seq.length; t++) [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, seq[t]!, c, h);
    finals.push(h);
  }
  return finals;
}
