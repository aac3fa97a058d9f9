// expect: bptt-cut
// ES module: trains a small LSTM to flag fraudulent card-transaction sequences, with an options object and progress callback.
import * as tf from '@tensorflow/tfjs';

const DEFAULTS = { units: 32, features: 7, lr: 5e-3, epochs: 20, onProgress: null };

function lstmParams(features, units) {
  const g = (r, c) => tf.variable(tf.randomNormal([r, c], 0, Math.sqrt(1 / r)));
  return {
    units,
    kernel: g(features, 4 * units),
    recurrent: g(units, 4 * units),
    bias: tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])])),
    wOut: g(units, 1),
    bOut: tf.variable(tf.zeros([1]))
  };
}

function lstmStep(p, x, h, c) {
  const gates = tf.add(tf.add(tf.matMul(x, p.kernel), tf.matMul(h, p.recurrent)), p.bias);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
  const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
  return [hNext, cNext];
}

function encode(p, seqs) {
  const batch = seqs.shape[0];
  let h = tf.zeros([batch, p.units]);
  let c = tf.zeros([batch, p.units]);
  for (const x of tf.unstack(seqs, 1)) {
    [h, c] = lstmStep(p, x, h, c);
  }
  return h;
}

export async function trainFraudModel(sequences, labels, options = {}) {
  const opts = Object.assign({}, DEFAULTS, options);
  const p = lstmParams(opts.features, opts.units);
  const optimizer = tf.train.adam(opts.lr);
  const trainable = [p.kernel, p.recurrent, p.bias, p.wOut, p.bOut];
  const xs = tf.tensor3d(sequences);
  const ys = tf.tensor2d(labels.map((l) => [l]));
  const history = [];

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const summary = tf.tidy(() => encode(p, xs));
    const loss = optimizer.minimize(() => {
      const logits = tf.add(tf.matMul(summary, p.wOut), p.bOut);
      return tf.losses.sigmoidCrossEntropy(ys, logits);
    }, true, trainable);
    summary.dispose();
    const v = (await loss.data())[0];
    loss.dispose();
    history.push(v);
    if (typeof opts.onProgress === 'function') opts.onProgress({ epoch, loss: v });
    await tf.nextFrame();
  }

  xs.dispose();
  ys.dispose();

  const predict = (seqs) =>
    tf.tidy(() => {
      const logits = tf.add(tf.matMul(encode(p, tf.tensor3d(seqs)), p.wOut), p.bOut);
      return Array.from(tf.sigmoid(logits).dataSync());
    });

  return { params: p, history, predict };
}

export default trainFraudModel;
