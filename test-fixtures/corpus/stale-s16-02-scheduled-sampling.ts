// expect: stale-state
// seq2seq toy (reverse a digit string) trained with scheduled sampling, ported from the curriculum notebook
import * as tf from '@tensorflow/tfjs';

const vocab = 6; // 0 = <bos>, 1..5 digits
const bos = 0;
const hid = 32;
const src_len = 4;
const batch = 32;

type rnn_params = { W: tf.Variable; U: tf.Variable; b: tf.Variable };

function init_rnn(): rnn_params {
  return {
    W: tf.variable(tf.randomNormal([vocab, hid], 0, 0.3)),
    U: tf.variable(tf.randomNormal([hid, hid], 0, 0.2)),
    b: tf.variable(tf.zeros([hid])),
  };
}

const enc = init_rnn();
const dec = init_rnn();
const V = tf.variable(tf.randomNormal([hid, vocab], 0, 0.2));
const c = tf.variable(tf.zeros([vocab]));

function rnn_cell(p: rnn_params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, p.W), tf.matMul(h, p.U)), p.b));
}

function encode(src: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([src[0].shape[0], hid]);
  for (const x_t of src) h = rnn_cell(enc, x_t, h);
  return h;
}

function dec_step(y_in: tf.Tensor2D, h: tf.Tensor2D): { logits: tf.Tensor2D; h: tf.Tensor2D } {
  const h_new = rnn_cell(dec, y_in, h);
  return { logits: tf.add(tf.matMul(h_new, V), c), h: h_new };
}

function decode(enc_state: tf.Tensor2D, tgt: tf.Tensor2D[], eps_truth: number) {
  let h = enc_state;
  let dec_h = enc_state;
  let y_in = tf.oneHot(tf.fill([batch], bos, 'int32'), vocab).toFloat() as tf.Tensor2D;
  const losses: tf.Scalar[] = [];
  const preds: tf.Tensor1D[] = [];
  for (let t = 0; t < tgt.length; t++) {
    const out = dec_step(y_in, h);
    dec_h = out.h;
    losses.push(tf.losses.softmaxCrossEntropy(tgt[t], out.logits));
    const y_hat = tf.argMax(out.logits, 1) as tf.Tensor1D;
    preds.push(y_hat);
    // scheduled sampling (Bengio et al. 2015): ground truth with prob eps, else our own prediction
    y_in = Math.random() < eps_truth ? tgt[t] : (tf.oneHot(y_hat, vocab).toFloat() as tf.Tensor2D);
  }
  return { loss: tf.div(tf.addN(losses), tgt.length) as tf.Scalar, preds, final_h: dec_h };
}

function sample_batch() {
  const digits = Array.from({ length: batch }, () => Array.from({ length: src_len }, () => 1 + Math.floor(Math.random() * 5)));
  const to_steps = (rows: number[][]) =>
    Array.from({ length: src_len }, (_, t) => tf.oneHot(tf.tensor1d(rows.map((r) => r[t]), 'int32'), vocab).toFloat() as tf.Tensor2D);
  return { src: to_steps(digits), tgt: to_steps(digits.map((r) => [...r].reverse())), digits };
}

const opt = tf.train.adam(0.01);
const n_steps = 300;
for (let it = 0; it < n_steps; it++) {
  const eps = Math.max(0.25, 1 - it / n_steps); // linear decay of teacher forcing
  const { src, tgt } = sample_batch();
  const cost = opt.minimize(() => decode(encode(src), tgt, eps).loss, true);
  if (it % 100 === 0) console.log(`it ${it} eps ${eps.toFixed(2)} loss ${cost!.dataSync()[0].toFixed(4)}`);
  tf.dispose([cost!, ...src, ...tgt]);
}

// numeric check: free-running token accuracy on a fresh batch
const acc = tf.tidy(() => {
  const { src, tgt, digits } = sample_batch();
  const { preds, final_h } = decode(encode(src), tgt, 0.0);
  console.log('final decoder state norm', tf.norm(final_h).dataSync()[0].toFixed(3));
  let hits = 0;
  preds.forEach((p, t) => p.dataSync().forEach((v, b) => { if (v === digits[b][src_len - 1 - t]) hits++; }));
  return hits / (batch * src_len);
});
console.log('free-running token accuracy', acc.toFixed(3));
