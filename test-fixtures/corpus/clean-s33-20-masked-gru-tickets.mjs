// expect: none
// Padded-batch GRU classifier for variable-length support-ticket event sequences; padding is masked out step by step.
import * as tf from '@tensorflow/tfjs';

const N_EVENT_TYPES = 8; // id 0 is padding
const EMBED = 16;
const HIDDEN = 32;
const N_CLASSES = 3; // resolved / escalated / abandoned
const MAX_LEN = 25;

const range = (n) => Array.from({ length: n }, (_, i) => i);

function pad_batch(seqs) {
  const ids = seqs.map((s) => [...s, ...new Array(MAX_LEN - s.length).fill(0)]);
  const mask = seqs.map((s) => range(MAX_LEN).map((t) => (t < s.length ? 1 : 0)));
  return [tf.tensor2d(ids, undefined, 'int32'), tf.tensor2d(mask)];
}

class MaskedGRUClassifier {
  constructor() {
    const self = this;
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.1));
    self.embedding = init([N_EVENT_TYPES, EMBED]);
    self.W = init([EMBED, 3 * HIDDEN]);
    self.U = init([HIDDEN, 3 * HIDDEN]);
    self.b = tf.variable(tf.zeros([3 * HIDDEN]));
    self.fc1_w = init([HIDDEN, 16]);
    self.fc1_b = tf.variable(tf.zeros([16]));
    self.fc2_w = init([16, N_CLASSES]);
    self.fc2_b = tf.variable(tf.zeros([N_CLASSES]));
  }

  init_hidden(bsz) {
    return tf.zeros([bsz, HIDDEN]);
  }

  gru_cell(x_t, h) {
    const self = this;
    const [xr, xz, xn] = tf.split(tf.matMul(x_t, self.W).add(self.b), 3, 1);
    const [hr, hz, hn] = tf.split(tf.matMul(h, self.U), 3, 1);
    const r = tf.sigmoid(xr.add(hr));
    const z = tf.sigmoid(xz.add(hz));
    const n = tf.tanh(xn.add(r.mul(hn)));
    return tf.sub(1, z).mul(n).add(z.mul(h));
  }

  // ids: int32 [bsz, T], mask: float [bsz, T] -> logits [bsz, N_CLASSES]
  forward(ids, mask) {
    const self = this;
    const [bsz, T] = ids.shape;
    const emb = tf.gather(self.embedding, ids);
    let hidden = self.init_hidden(bsz);
    for (const t of range(T)) {
      const x_t = emb.slice([0, t, 0], [bsz, 1, EMBED]).reshape([bsz, EMBED]);
      const m_t = mask.slice([0, t], [bsz, 1]);
      const h_cand = self.gru_cell(x_t, hidden);
      // padded positions keep the previous state
      hidden = m_t.mul(h_cand).add(tf.sub(1, m_t).mul(hidden));
    }
    const z1 = tf.relu(tf.matMul(hidden, self.fc1_w).add(self.fc1_b));
    return tf.matMul(z1, self.fc2_w).add(self.fc2_b);
  }
}

function synth_ticket() {
  const label = Math.floor(Math.random() * N_CLASSES);
  const len = 5 + Math.floor(Math.random() * (MAX_LEN - 5));
  const seq = range(len).map(() => 4 + Math.floor(Math.random() * (N_EVENT_TYPES - 4)));
  seq[Math.floor(Math.random() * (len - 1))] = label + 1; // outcome-specific event somewhere in the thread
  return [seq, label];
}

function make_batch(n) {
  const batch = range(n).map(() => synth_ticket());
  const [ids, mask] = pad_batch(batch.map(([s]) => s));
  const labels = tf.tidy(() =>
    tf.oneHot(tf.tensor1d(batch.map(([, l]) => l), 'int32'), N_CLASSES).toFloat());
  return [ids, mask, labels];
}

const model = new MaskedGRUClassifier();
const optimizer = tf.train.adam(0.005);

for (const epoch of range(40)) {
  const [ids, mask, labels] = make_batch(64);
  const { value, grads } = tf.variableGrads(() =>
    tf.losses.softmaxCrossEntropy(labels, model.forward(ids, mask)));
  optimizer.applyGradients(grads);
  if (epoch % 5 === 0) console.log(`epoch ${epoch}: loss ${value.dataSync()[0].toFixed(4)}`);
  tf.dispose([ids, mask, labels, value, grads]);
}

const [ids, mask, labels] = make_batch(256);
const acc = tf.tidy(() =>
  model.forward(ids, mask).argMax(1).equal(labels.argMax(1)).mean().dataSync()[0]);
console.log(`held-out accuracy: ${(acc * 100).toFixed(1)}%`);
tf.dispose([ids, mask, labels]);
