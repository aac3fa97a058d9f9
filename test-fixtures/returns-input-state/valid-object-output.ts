import * as tf from '@tensorflow/tfjs';

// Look-alikes of `{ output, state }` returning the incoming state: a step that hands on a memory
// it only reads (attention over a fixed memory), and a GRU that returns its new state as both.
const W = tf.randomNormal([3, 4]) as tf.Tensor2D;
const U = tf.randomNormal([4, 4]) as tf.Tensor2D;

export function readStep(x: tf.Tensor2D, memory: tf.Tensor2D): { output: tf.Tensor2D; memory: tf.Tensor2D } {
  const output = tf.tanh(tf.matMul(x, W).add(tf.matMul(memory, U))) as tf.Tensor2D;
  return { output, memory };
}

export function gruStep(x: tf.Tensor2D, state: tf.Tensor2D): { output: tf.Tensor2D; state: tf.Tensor2D } {
  const z = tf.sigmoid(tf.matMul(x, W).add(tf.matMul(state, U)));
  const cand = tf.tanh(tf.matMul(x, W).add(tf.matMul(state, U)));
  const output = tf.sub(1, z).mul(state).add(z.mul(cand)) as tf.Tensor2D;
  return { output, state: output };
}

export function run(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  let memory = tf.zeros([1, 4]) as tf.Tensor2D;
  let state = tf.zeros([1, 4]) as tf.Tensor2D;
  const ys: tf.Tensor2D[] = [];
  for (const x of xs) {
    const r = readStep(x, memory);
    memory = r.memory;
    const g = gruStep(x, state);
    state = g.state;
    ys.push(r.output, g.output);
  }
  return ys;
}
