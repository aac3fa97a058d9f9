// Correct code that looks like the bug: constants passed every step on purpose, states carried.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wa = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// The article's corrected listing: the new state is fed back every step.
export class SimpleRNNCell {
  private wIh = tf.layers.dense({ units: H, inputShape: [4] });
  private wHh = tf.layers.dense({ units: H, inputShape: [H] });

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(this.wIh.apply(input) as tf.Tensor2D, this.wHh.apply(hidden) as tf.Tensor2D);
    return tf.tanh(combined) as tf.Tensor2D;
  }
}

export function articleCorrected(inputs: tf.Tensor2D[], seqLen: number): tf.Tensor2D[] {
  const cell = new SimpleRNNCell();
  const hiddenStates: tf.Tensor2D[] = [];
  let hiddenState: tf.Tensor2D = tf.zeros([3, H]);
  for (let t = 0; t < seqLen; t++) {
    hiddenState = cell.forward(inputs[t]!, hiddenState);
    hiddenStates.push(hiddenState);
  }
  return hiddenStates;
}

// A mask passed unchanged to every step, the state carried.
function maskedStep(x: tf.Tensor2D, h: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  const next = step(x, h);
  return tf.add(tf.mul(next, mask), tf.mul(h, tf.sub(1, mask))) as tf.Tensor2D;
}

export function masked(xs: tf.Tensor2D[], mask: tf.Tensor2D): tf.Tensor2D {
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  for (const x of xs) h = maskedStep(x, h, mask);
  return h;
}

// A decoder reading the encoder's outputs (attention memory) at every step.
function decoderStep(y: tf.Tensor2D, h: tf.Tensor2D, memory: tf.Tensor2D): tf.Tensor2D {
  const scores = tf.softmax(tf.matMul(tf.matMul(h, Wa), memory, false, true));
  const context = tf.matMul(scores, memory) as tf.Tensor2D;
  return tf.tanh(tf.matMul(y, Wx).add(tf.matMul(h, Wh)).add(context)) as tf.Tensor2D;
}

export function decode(ys: tf.Tensor2D[], encoderOutputs: tf.Tensor2D, encoderState: tf.Tensor2D): tf.Tensor2D[] {
  let h = encoderState;
  const out: tf.Tensor2D[] = [];
  for (let t = 0; t < ys.length; t++) {
    h = decoderStep(ys[t]!, h, encoderOutputs);
    out.push(h);
  }
  return out;
}

// reduce threads the state through its accumulator.
export function finalState(xs: tf.Tensor2D[]): tf.Tensor2D {
  return xs.reduce((h, x) => step(x, h), tf.zeros([1, H]) as tf.Tensor2D);
}

// Every sequence starts from the same initial state: that is a reset, not a stale state.
export function encodeAll(sequences: tf.Tensor2D[][], h0: tf.Tensor2D): tf.Tensor2D[] {
  const finals: tf.Tensor2D[] = [];
  for (const sequence of sequences) {
    let h = h0;
    for (const x of sequence) h = step(x, h);
    finals.push(h);
  }
  return finals;
}

// Beam search: every candidate is scored from the same current state on purpose.
const gru = tf.layers.gruCell({ units: H });
gru.build([null, 4]);
const readout = tf.layers.dense({ units: 1 });

export function bestCandidate(state: tf.Tensor, candidates: tf.Tensor2D[]): number {
  let best = 0;
  let bestScore = -Infinity;
  candidates.forEach((cand, i) => {
    const [, next] = gru.call([cand, state], {}) as tf.Tensor[];
    const score = (readout.apply(next!) as tf.Tensor).dataSync()[0]!;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

// LSTM: `c` carried, `h` returned, both fed back through destructuring.
const lstm = tf.layers.lstmCell({ units: H });
lstm.build([null, 4]);

export function lstmUnroll(xs: tf.Tensor2D[]): tf.Tensor[] {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  const outs: tf.Tensor[] = [];
  let t = 0;
  do {
    let out: tf.Tensor | undefined;
    [out, h, c] = lstm.call([xs[t]!, h, c], {}) as tf.Tensor[];
    outs.push(out!);
    t++;
  } while (t < xs.length);
  return outs;
}

// map that assigns the state it reads.
export function mapCarry(xs: tf.Tensor2D[]): tf.Tensor[] {
  let h: tf.Tensor = tf.zeros([1, H]);
  return xs.map((x) => {
    const [out, next] = gru.apply([x, h]) as tf.Tensor[];
    h = next!;
    return out!;
  });
}

// A tf.Variable state updated in place with assign().
export function variableState(xs: tf.Tensor2D[]): tf.Variable {
  const state = tf.variable(tf.zeros([1, H]), false);
  for (const x of xs) state.assign(step(x, state as tf.Tensor2D));
  return state;
}

// A local name for the carried state, which the loop updates after the step.
export function runCarried(cell: tf.layers.RNNCell, xs: tf.Tensor2D[], initialState: tf.Tensor): tf.Tensor[] {
  const ys: tf.Tensor[] = [];
  let carried = initialState;
  for (const x of xs) {
    const state = carried;
    const [y, next] = cell.call([x, state], {}) as tf.Tensor[];
    ys.push(y!);
    carried = next!;
  }
  return ys;
}

// Every sequence starts from the same initial state: a reset per sequence, not a stale state.
export function encodeSequences(cell: tf.layers.RNNCell, sequences: tf.Tensor2D[][], initialState: tf.Tensor): tf.Tensor[] {
  return sequences.map((sequence) => {
    const start = initialState;
    let h = start;
    for (const x of sequence) h = (cell.call([x, h], {}) as tf.Tensor[])[1]!;
    return h;
  });
}
