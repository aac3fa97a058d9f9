// A step called in a loop with a state that never changes, while the new state is stored elsewhere.
import * as tf from '@tensorflow/tfjs';

// The article's prose bug, in tfjs: every time step receives the same initial hidden state.
export class SimpleRNNCell {
  private wIh: tf.layers.Layer;
  private wHh: tf.layers.Layer;

  constructor(inputSize: number, hiddenSize: number) {
    this.wIh = tf.layers.dense({ units: hiddenSize, inputShape: [inputSize] });
    this.wHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize] });
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(this.wIh.apply(input) as tf.Tensor2D, this.wHh.apply(hidden) as tf.Tensor2D);
    return tf.tanh(combined) as tf.Tensor2D;
  }
}

export function articleProse(inputs: tf.Tensor2D[], seqLen: number): tf.Tensor2D[] {
  const cell = new SimpleRNNCell(10, 20);
  const hiddenState: tf.Tensor2D = tf.zeros([3, 20]);
  const hiddenStates: tf.Tensor2D[] = [];
  for (let t = 0; t < seqLen; t++) {
    const output = cell.forward(inputs[t]!, hiddenState);
//                                          ~~~~~~~~~~~ stale-state
    hiddenStates.push(output);
  }
  return hiddenStates;
}

const H = 8;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// for...of over the steps of one sequence; the result goes into a list, never back into `h`.
export function forOfStep(sequence: tf.Tensor2D[]): tf.Tensor2D[] {
  const h = tf.zeros([1, H]) as tf.Tensor2D;
  const outputs: tf.Tensor2D[] = [];
  for (const x of sequence) {
    const hNext = step(x, h);
//                        ~ stale-state
    outputs.push(hNext);
  }
  return outputs;
}

// A tfjs cell, `cell.call([x, h])` in a while loop.
const gru = tf.layers.gruCell({ units: H });
gru.build([null, 4]);

export function whileCall(frames: tf.Tensor2D[]): tf.Tensor[] {
  let h0: tf.Tensor = tf.zeros([1, H]);
  const outs: tf.Tensor[] = [];
  let t = 0;
  while (t < frames.length) {
    const [out, hNew] = gru.call([frames[t]!, h0], {}) as tf.Tensor[];
//                                            ~~ stale-state
    outs.push(out!, hNew!);
    t++;
  }
  return outs;
}

// `cell.apply([x, h])` in a do...while loop over time steps.
export function doApply(frames: tf.Tensor2D[]): tf.Tensor[] {
  const initial = tf.zeros([1, H]);
  const outs: tf.Tensor[] = [];
  let t = 0;
  do {
    const [out] = gru.apply([frames[t]!, initial]) as tf.Tensor[];
//                                       ~~~~~~~ stale-state
    outs.push(out!);
    t++;
  } while (t < frames.length);
  return outs;
}

// forEach with an arrow step: `h` is captured, each new state is pushed and forgotten.
const elman = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D => tf.tanh(x.matMul(Wx).add(h.matMul(Wh))) as tf.Tensor2D;

export function forEachArrow(tokens: tf.Tensor2D[]): tf.Tensor2D[] {
  const h = tf.zeros([1, H]) as tf.Tensor2D;
  const history: tf.Tensor2D[] = [];
  tokens.forEach((x) => {
    history.push(elman(x, h));
//                        ~ stale-state
  });
  return history;
}

// map with `cell.forward`: every element is computed from the zero state.
export function mapForward(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const cell = new SimpleRNNCell(4, H);
  const state = tf.zeros([1, H]) as tf.Tensor2D;
  return xs.map((x) => cell.forward(x, state));
//                                     ~~~~~ stale-state
}

// A fresh zero state built inside the loop, on every iteration.
export function freshZeros(frames: tf.Tensor2D[]): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  for (const frame of frames) {
    const [out] = gru.call([frame, tf.zeros([1, H])], {}) as tf.Tensor[];
//                                 ~~~~~~~~~~~~~~~~ stale-state
    outs.push(out!);
  }
  return outs;
}

// The state is set back to the initial one at the top of every time step.
export function resetEachStep(xs: tf.Tensor2D[]): tf.Tensor {
  const h0 = tf.zeros([1, H]);
  let h: tf.Tensor = h0;
  for (const x of xs) {
    h = h0;
    [, h] = gru.call([x, h], {}) as tf.Tensor[];
//                       ~ stale-state
  }
  return h;
}

// A new name for the same initial state, made inside the loop: every step starts from it.
export function runCell(cell: tf.layers.RNNCell, xs: tf.Tensor2D[], initialState: tf.Tensor): tf.Tensor[] {
  const ys: tf.Tensor[] = [];
  for (const x of xs) {
    const state = initialState;
    const [y, next] = cell.call([x, state], {}) as tf.Tensor[];
//                                  ~~~~~ stale-state
    ys.push(y!);
    next!.dispose();
  }
  return ys;
}
