// Arrays of hidden states read back correctly: a linear readout between, arrays of mixed values,
// arrays also written element by element, and LSTM outputs (o * tanh(c), not an activation).
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const Wy = tf.variable(tf.randomNormal([8, 3], 0, 0.1));

export function readout(xs: tf.Tensor2D[]): tf.Tensor {
  const hs: tf.Tensor2D[] = [];
  let h = tf.zeros([1, 8]) as tf.Tensor2D;
  for (const x of xs) {
    h = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
    hs.push(h);
  }
  return tf.softmax(hs[hs.length - 1].matMul(Wy));
}

export function mixed(xs: tf.Tensor2D[]): tf.Tensor {
  const values: tf.Tensor[] = [];
  let h: tf.Tensor = tf.zeros([1, 8]);
  for (const x of xs) {
    h = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
    values.push(h);
    values.push(x.matMul(Wx));
  }
  return tf.tanh(values[values.length - 1]);
}

export function overwritten(xs: tf.Tensor2D[]): tf.Tensor {
  const hs: tf.Tensor[] = [];
  let h: tf.Tensor = tf.zeros([1, 8]);
  for (const x of xs) {
    h = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
    hs.push(h);
  }
  hs[hs.length - 1] = hs[hs.length - 1].matMul(Wh);
  return tf.tanh(hs[hs.length - 1]);
}

export function lstmLast(xs: tf.Tensor2D[], W: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor {
  const outs: tf.Tensor2D[] = [];
  let h = tf.zeros([1, 8]) as tf.Tensor2D;
  let c = tf.zeros([1, 8]) as tf.Tensor2D;
  for (const x of xs) {
    const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(W).add(b), 4, 1);
    c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    h = tf.sigmoid(o).mul(tf.tanh(c));
    outs.push(h);
  }
  return tf.tanh(outs[outs.length - 1]);
}

export function gates(x: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor {
  const parts = tf.split(x.matMul(W), 2, 1);
  return tf.sigmoid(parts[0]).mul(tf.tanh(parts[1]));
}
