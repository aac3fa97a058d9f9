// Echo-state network: harvests the reservoir states driven by an input signal; each sequence of a
// batch is encoded from the zero state, and the readout reads a zero-started bias row once per step.
import * as tf from '@tensorflow/tfjs';

export function harvest(u: number[], Win: tf.Tensor2D, W: tf.Tensor2D, washout: number): tf.Tensor2D {
  let x = tf.zeros([1, W.shape[0]]) as tf.Tensor2D;
  const X: tf.Tensor2D[] = [];
  for (let t = 0; t < u.length; t++) {
    const a = tf.tensor2d([[1, u[t]!]]);
    const xt = tf.tanh(tf.matMul(a, Win).add(tf.matMul(x, W))) as tf.Tensor2D;
    x = xt;
    if (t >= washout) X.push(xt);
  }
  return tf.concat(X, 0);
}

export function firstStates(sequences: tf.Tensor2D[], Win: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D[] {
  const h0 = tf.zeros([1, W.shape[0]]);
  const out: tf.Tensor2D[] = [];
  for (const sequence of sequences) {
    const h1 = tf.tanh(tf.matMul(sequence.slice([0, 0], [1, -1]), Win).add(tf.matMul(h0, W))) as tf.Tensor2D;
    out.push(h1);
  }
  return out;
}

export function readout(states: tf.Tensor2D[], Wout: tf.Tensor2D, V: tf.Tensor2D): tf.Tensor[] {
  const offset = tf.zeros([1, V.shape[0]]);
  const ys: tf.Tensor[] = [];
  for (let t = 0; t < states.length; t++) {
    const y = tf.sigmoid(tf.matMul(states[t]!, Wout).add(tf.matMul(offset, V)));
    ys.push(y);
  }
  return ys;
}
