// expect: bptt-cut, stacked-activation
// Gesture recognizer for the touchpad demo: 2D stroke points -> circle / swipe / zigzag
import * as tf from '@tensorflow/tfjs';

const CLASSES = ['circle', 'swipe', 'zigzag'];
const POINTS = 16;
const HIDDEN = 24;

const Wx = tf.variable(tf.randomNormal([2, HIDDEN], 0, 0.3));
const Wh = tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.2));
const bh = tf.variable(tf.zeros([HIDDEN]));
const Wc = tf.variable(tf.randomNormal([HIDDEN, CLASSES.length], 0, 0.3));
const bc = tf.variable(tf.zeros([CLASSES.length]));

// hidden activations of the last forward pass, [t][batch][unit] -- for the heatmap in the demo page
let hiddenHistory: number[][][] = [];

function makeStroke(cls: number): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < POINTS; i++) {
    const t = i / (POINTS - 1);
    let p: number[];
    if (cls === 0) p = [Math.cos(t * 2 * Math.PI), Math.sin(t * 2 * Math.PI)];
    else if (cls === 1) p = [t * 2 - 1, 0];
    else p = [t * 2 - 1, i % 2 === 0 ? 0.5 : -0.5];
    pts.push(p.map((v) => v + (Math.random() - 0.5) * 0.2));
  }
  return pts;
}

function forward(strokes: tf.Tensor3D): tf.Tensor2D {
  const B = strokes.shape[0];
  hiddenHistory = [];
  const frames = tf.unstack(strokes, 1) as tf.Tensor2D[];
  for (let t = 0; t < POINTS; t++) {
    const prev_h = t === 0 ? tf.zeros([B, HIDDEN]) : tf.tensor2d(hiddenHistory[t - 1]);
    const hidden = tf.relu(cell(frames[t], prev_h as tf.Tensor2D));
    hiddenHistory.push(hidden.arraySync() as number[][]);
    if (t === POINTS - 1) {
      return hidden.matMul(Wc).add(bc) as tf.Tensor2D;
    }
  }
  throw new Error('empty stroke');
}

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(bh));
}

function batch(n: number) {
  const xs: number[][][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    xs.push(makeStroke(c));
    labels.push(c);
  }
  return { xs: tf.tensor3d(xs), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES.length) };
}

const optimizer: tf.Optimizer = tf.train.adam(0.01);

async function main() {
  for (let epoch = 0; epoch < 60; epoch++) {
    const { xs, ys } = batch(48);
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(ys, forward(xs)) as tf.Scalar);
    optimizer.applyGradients(grads);
    if (epoch % 15 === 0) console.log('epoch', epoch, 'loss', value.dataSync()[0].toFixed(4), 'grads for', Object.keys(grads).length, 'vars');
    tf.dispose([xs, ys, value]);
    tf.dispose(grads);
  }

  const test = batch(30);
  const pred = forward(test.xs).argMax(1).dataSync();
  const truth = test.ys.argMax(1).dataSync();
  let ok = 0;
  pred.forEach((p, i) => (ok += p === truth[i] ? 1 : 0));
  console.log('accuracy', ok / pred.length);
  console.log('last-step activations of sample 0:', hiddenHistory[POINTS - 1][0].slice(0, 6).map((v) => v.toFixed(2)).join(' '));
}

main();
