// expect: stale-state
// BiLSTM sequence classifier (mean-pooled fwd/bwd states), "does A come before B" task from the ordering notebook
import * as tf from '@tensorflow/tfjs';

const V = 6; // 0 filler, 1 = A, 2 = B, 3..5 distractors
const T = 10;
const H = 16;
const batch = 32;

interface lstm_params { W: tf.Variable; U: tf.Variable; b: tf.Variable }

const mk = (tag: string): lstm_params => ({
  W: tf.variable(tf.randomNormal([V, 4 * H], 0, 0.2), true, `${tag}_W`),
  U: tf.variable(tf.randomNormal([H, 4 * H], 0, 0.2), true, `${tag}_U`),
  b: tf.variable(tf.zeros([4 * H]), true, `${tag}_b`),
});
const p_f = mk('fwd');
const p_b = mk('bwd');
const W_cls = tf.variable(tf.randomNormal([2 * H, 2], 0, 0.2), true, 'W_cls');
const b_cls = tf.variable(tf.zeros([2]), true, 'b_cls');

function lstm(p: lstm_params, x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const z: tf.Tensor2D = tf.add(tf.add(tf.matMul(x, p.W), tf.matMul(h, p.U)), p.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const c_new: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
  return [tf.mul(tf.sigmoid(zo), tf.tanh(c_new)), c_new];
}

function bilstm_logits(xs: tf.Tensor2D[]): tf.Tensor2D {
  const n = xs[0].shape[0];
  let h_f: tf.Tensor2D = tf.zeros([n, H]);
  let c_f: tf.Tensor2D = tf.zeros([n, H]);
  const outs_f: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    [h_f, c_f] = lstm(p_f, xs[t], h_f, c_f);
    outs_f.push(h_f);
  }
  let h_b: tf.Tensor2D = tf.zeros([n, H]);
  let c_b: tf.Tensor2D = tf.zeros([n, H]);
  const outs_b: tf.Tensor2D[] = new Array(xs.length);
  for (let t = xs.length - 1; t >= 0; t--) {
    const [h_t] = lstm(p_b, xs[t], h_b, c_b);
    outs_b[t] = h_t;
  }
  const pooled = tf.concat([tf.mean(tf.stack(outs_f), 0), tf.mean(tf.stack(outs_b), 0)], 1);
  return tf.add(tf.matMul(pooled, W_cls), b_cls);
}

function order_batch() {
  const labels: number[] = [];
  const seqs = Array.from({ length: batch }, () => {
    const s = Array.from({ length: T }, () => (Math.random() < 0.5 ? 0 : 3 + Math.floor(Math.random() * 3)));
    const i = Math.floor(Math.random() * T);
    let j = Math.floor(Math.random() * (T - 1));
    if (j >= i) j++;
    s[i] = 1;
    s[j] = 2;
    labels.push(i < j ? 1 : 0);
    return s;
  });
  const xs = Array.from({ length: T }, (_, t) =>
    tf.oneHot(tf.tensor1d(seqs.map((s) => s[t]), 'int32'), V).toFloat() as tf.Tensor2D);
  return { xs, y: tf.oneHot(tf.tensor1d(labels, 'int32'), 2).toFloat() as tf.Tensor2D, labels };
}

const opt = tf.train.adam(0.01);
for (let epoch = 0; epoch < 4; epoch++) {
  let running = 0;
  for (let it = 0; it < 50; it++) {
    const { xs, y } = order_batch();
    const cost = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, bilstm_logits(xs)) as tf.Scalar, true)!;
    running += cost.dataSync()[0] / 50;
    tf.dispose([cost, xs, y]);
  }
  console.log(`epoch ${epoch} mean loss ${running.toFixed(4)}`);
}

// numeric check: held-out accuracy
const { xs, labels } = order_batch();
const pred = tf.tidy(() => tf.argMax(bilstm_logits(xs), 1).dataSync());
console.log('accuracy', (labels.filter((l, i) => l === pred[i]).length / batch).toFixed(3));
