// Gesture classifier: the hidden activations of the last pass are kept for a heatmap.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wx = tf.variable(tf.randomNormal([2, H], 0, 0.3));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.2));
const Wc = tf.variable(tf.randomNormal([H, 3], 0, 0.3));

// [t][batch][unit], for the page's heatmap.
let hiddenHistory: number[][][] = [];

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
}

function forward(frames: tf.Tensor2D[]): tf.Tensor2D {
  hiddenHistory = [];
  let last: tf.Tensor2D = tf.zeros([frames[0]!.shape[0], H]);
  for (let t = 0; t < frames.length; t++) {
    const prevH = t === 0 ? tf.zeros([frames[t]!.shape[0], H]) : tf.tensor2d(hiddenHistory[t - 1]!);
//                                                               ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    last = cell(frames[t]!, prevH as tf.Tensor2D);
    hiddenHistory.push(last.arraySync() as number[][]);
  }
  return last.matMul(Wc) as tf.Tensor2D;
}

export function trainStep(frames: tf.Tensor2D[], ys: tf.Tensor2D, optimizer: tf.Optimizer): void {
  const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(ys, forward(frames)) as tf.Scalar);
  optimizer.applyGradients(grads);
  tf.dispose([value, grads]);
}

// The same timeline, the last entry read with `at(-1)`.
function forwardAt(frames: tf.Tensor2D[]): tf.Tensor2D {
  const trace: number[][][] = [];
  let h: tf.Tensor2D = tf.zeros([frames[0]!.shape[0], H]);
  for (const frame of frames) {
    const next = cell(frame, h);
    trace.push(next.arraySync());
    h = tf.tensor2d(trace.at(-1)!);
//      ~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
  }
  return h.matMul(Wc) as tf.Tensor2D;
}

export function trainStepAt(frames: tf.Tensor2D[], ys: tf.Tensor2D, optimizer: tf.Optimizer): void {
  optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, forwardAt(frames)) as tf.Scalar);
}
