// Look-alikes of a detach inside the state's update that keep the gradient on purpose: a residual
// update that also reads the state itself, a detach every K steps (truncated BPTT), and a loop
// whose every iteration unrolls a chunk of the sequence from the detached state.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([3, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([8, 1], 0, 0.1));
const K = 16;

const detach = tf.customGrad((...args) => {
  const x = args[0] as tf.Tensor;
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)));
}

function runChunk(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  let h = h0;
  for (const x of xs) h = cell(x, h);
  return h;
}

function encodeResidual(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (const x of xs) {
    h = tf.add(h, cell(x, detach(h) as tf.Tensor2D));
  }
  return h;
}

function encodeTruncated(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (let t = 0; t < xs.length; t++) {
    const start = t % K === 0 ? (detach(h) as tf.Tensor2D) : h;
    h = cell(xs[t]!, start);
  }
  return h;
}

function encodeChunks(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (let t = 0; t < xs.length; t += K) {
    h = runChunk(xs.slice(t, t + K), detach(h) as tf.Tensor2D);
  }
  return h;
}

export function train(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.matMul(encodeResidual(xs), Wo)) as tf.Scalar);
  tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.matMul(encodeTruncated(xs), Wo)) as tf.Scalar);
  tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.matMul(encodeChunks(xs), Wo)) as tf.Scalar);
}
