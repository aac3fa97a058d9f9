// Fused LSTM steps (`tf.basicLSTMCell`) and a step function reading their state from a local
// array at fixed elements that the loop never writes: every step starts from the initial state.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const FEATURES = 3;
const kernel = tf.variable(tf.randomUniform([FEATURES + UNITS, 4 * UNITS], -0.1, 0.1)) as tf.Variable<tf.Rank.R2>;
const bias = tf.variable(tf.zeros([4 * UNITS])) as tf.Variable<tf.Rank.R1>;
const forgetBias = tf.scalar(1.0);
const W = tf.variable(tf.randomNormal([FEATURES, UNITS], 0, 0.1)) as tf.Variable<tf.Rank.R2>;
const U = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.1)) as tf.Variable<tf.Rank.R2>;

export function encode(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const state: tf.Tensor2D[] = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    const [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, xs[t]!, state[0]!, state[1]!);
    //                                                                ~~~~~~~~ stale-state
    //                                                                           ~~~~~~~~ stale-state
    outputs.push(h);
  }
  return outputs;
}

function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)));
}

export function run(frames: tf.Tensor2D[]): tf.Tensor2D[] {
  const hs = [tf.zeros([1, UNITS]) as tf.Tensor2D];
  return frames.map((frame) => rnnStep(frame, hs[0]!));
  //                                          ~~~~~ stale-state
}
