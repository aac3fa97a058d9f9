// expect: bptt-cut
// counting task: an IRNN (relu RNN, identity init) reads a stream of bits and outputs the running count of 1s
import * as tf from '@tensorflow/tfjs';

const HID = 12;
const T = 15;
const BATCH = 32;
const CLIP = 20;

export const vars = {
  Wx: tf.variable(tf.randomNormal([1, HID], 0, 0.3), true, 'Wx'),
  Wh: tf.variable(tf.eye(HID), true, 'Wh'),
  b: tf.variable(tf.zeros([HID]), true, 'b'),
  Wo: tf.variable(tf.randomNormal([HID, 1], 0, 0.3), true, 'Wo'),
  bo: tf.variable(tf.zeros([1]), true, 'bo'),
};
const opt = tf.train.adam(0.005);
let globalStep = 0;

function clipState(h: tf.Tensor2D): tf.Tensor2D {
  // relu rnn can blow up, keep the activations in a sane range
  const vals = h.dataSync().map(v => Math.max(-CLIP, Math.min(CLIP, v)));
  return tf.tensor2d(vals, h.shape);
}

export function makeBatch() {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let b = 0; b < BATCH; b++) {
    let count = 0;
    const xrow: number[] = [];
    const yrow: number[] = [];
    for (let t = 0; t < T; t++) {
      const bit = Math.random() < 0.5 ? 1 : 0;
      count += bit;
      xrow.push(bit);
      yrow.push(count / T);
    }
    xs.push(xrow);
    ys.push(yrow);
  }
  return { xs: tf.tensor2d(xs), ys: tf.tensor2d(ys) };
}

export function lossFn(xs: tf.Tensor2D, ys: tf.Tensor2D): tf.Scalar {
  const B = xs.shape[0];
  let h = tf.zeros([B, HID]) as tf.Tensor2D;
  const preds: tf.Tensor[] = [];
  for (let t = 0; t < T; t++) {
    const x_t = xs.slice([0, t], [B, 1]);
    h = tf.relu(x_t.matMul(vars.Wx).add(h.matMul(vars.Wh)).add(vars.b)) as tf.Tensor2D;
    h = clipState(h);
    preds.push(h.matMul(vars.Wo).add(vars.bo));
  }
  return tf.losses.meanSquaredError(ys, tf.concat(preds, 1)) as tf.Scalar;
}

export async function train(iters = 200) {
  for (let i = 0; i < iters; i++) {
    const { xs, ys } = makeBatch();
    const { value, grads } = tf.variableGrads(() => lossFn(xs, ys));
    opt.applyGradients(Object.keys(grads).map(name => ({ name, tensor: grads[name] })));
    if (i % 40 === 0) {
      console.log(`step ${globalStep} mse=${value.dataSync()[0].toFixed(5)} grads for: ${Object.keys(grads).join(',')}`);
    }
    tf.dispose([xs, ys, value]);
    tf.dispose(grads);
    globalStep++;
    await tf.nextFrame();
  }
}

export function countBits(bits: number[]): number {
  return tf.tidy(() => {
    let h = tf.zeros([1, HID]) as tf.Tensor2D;
    let y = tf.zeros([1, 1]);
    for (const bit of bits) {
      h = tf.relu(tf.tensor2d([[bit]]).matMul(vars.Wx).add(h.matMul(vars.Wh)).add(vars.b)) as tf.Tensor2D;
      y = h.matMul(vars.Wo).add(vars.bo);
    }
    return y.dataSync()[0] * T;
  });
}

if (require.main === module) {
  train().then(() => {
    const probe = [1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1];
    console.log('true count', probe.reduce((a, b) => a + b, 0), 'predicted', countBits(probe).toFixed(2));
  });
}
