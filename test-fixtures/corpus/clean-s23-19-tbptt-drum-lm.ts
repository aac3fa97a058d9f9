// expect: none
// Trains a drum-loop language model on long recorded grooves with truncated BPTT over 16-step windows.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 32; // quantised hit patterns
const UNITS = 24;
const WINDOW = 16;

const vars = {
  emb: tf.variable(tf.randomNormal([VOCAB, 12], 0, 0.2, 'float32', 1)),
  wx: tf.variable(tf.randomNormal([12, UNITS], 0, 0.2, 'float32', 2)),
  wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2, 'float32', 3)),
  b: tf.variable(tf.zeros([UNITS])),
  wo: tf.variable(tf.randomNormal([UNITS, VOCAB], 0, 0.2, 'float32', 4)),
};

function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, vars.wx).add(tf.matMul(h, vars.wh)).add(vars.b));
}

/**
 * Loss for one window, starting from `carry`. The final state is handed back through `out`
 * so the next window can start where this one stopped.
 */
function windowLoss(tokens: number[], carry: tf.Tensor2D, out: { h?: tf.Tensor2D }): tf.Scalar {
  let h = carry;
  const terms: tf.Scalar[] = [];
  for (let t = 0; t < tokens.length - 1; t++) {
    const x = tf.gather(vars.emb, [tokens[t]]) as tf.Tensor2D;
    h = rnnStep(x, h);
    const logits = tf.matMul(h, vars.wo);
    terms.push(tf.losses.softmaxCrossEntropy(tf.oneHot([tokens[t + 1]], VOCAB), logits) as tf.Scalar);
  }
  out.h = tf.keep(h);
  return tf.addN(terms).div(terms.length) as tf.Scalar;
}

export function trainOnGroove(groove: number[], epochs: number, lr = 0.05): number[] {
  const opt: tf.Optimizer = tf.train.adam(lr);
  const curve: number[] = [];
  for (let e = 0; e < epochs; e++) {
    // every pass over the recording starts from silence
    let carry: tf.Tensor2D = tf.zeros([1, UNITS]);
    let sum = 0;
    let n = 0;
    for (let start = 0; start + 1 < groove.length; start += WINDOW) {
      const window = groove.slice(start, start + WINDOW + 1);
      if (window.length < 2) break;
      const out: { h?: tf.Tensor2D } = {};
      const { value, grads } = tf.variableGrads(() => windowLoss(window, carry, out));
      opt.applyGradients(grads);
      sum += value.dataSync()[0];
      n++;
      tf.dispose([value, ...Object.values(grads)]);
      // Truncated BPTT: the state is carried into the next window as a plain value
      // (detached), so gradients stop at the window boundary.
      const detached = tf.tensor2d(out.h!.dataSync(), out.h!.shape as [number, number]);
      tf.dispose([carry, out.h!]);
      carry = detached;
    }
    carry.dispose();
    curve.push(sum / n);
  }
  return curve;
}

if (require.main === module) {
  // four-bar pattern repeated, with a fill every fourth bar
  const bar = [1, 4, 2, 4, 3, 4, 2, 4, 1, 4, 2, 4, 3, 4, 2, 5];
  const fill = [1, 4, 2, 4, 3, 4, 2, 4, 6, 7, 6, 7, 8, 9, 8, 10];
  const groove: number[] = [];
  for (let i = 0; i < 8; i++) groove.push(...(i % 4 === 3 ? fill : bar));
  const curve = trainOnGroove(groove, 12);
  console.log('loss:', curve.map((v) => v.toFixed(3)).join(' '));
  console.log('tensors:', tf.memory().numTensors);
}
