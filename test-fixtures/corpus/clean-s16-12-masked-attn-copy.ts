// expect: none
// GRU encoder-decoder with masked additive attention on a padded copy task; teacher forcing, tf.variableGrads
import * as tf from '@tensorflow/tfjs';

const V = 8; // 0 = pad, 1 = bos, 2..7 symbols
const PAD = 0;
const BOS = 1;
const S = 6;
const E = 8;
const H = 24;
const B = 24;

const v = (shape: number[], name: string, std = 0.2) => tf.variable(tf.randomNormal(shape, 0, std), true, name);
const P = {
  emb: v([V, E], 'emb', 0.5),
  enc_W: v([E, H], 'enc_W'), enc_U: v([H, H], 'enc_U'),
  gru_W: v([E + H, 3 * H], 'gru_W'), gru_U: v([H, 3 * H], 'gru_U'), gru_b: v([3 * H], 'gru_b', 0),
  att_Wq: v([H, H], 'att_Wq'), att_Wk: v([H, H], 'att_Wk'), att_v: v([H, 1], 'att_v'),
  out_W: v([2 * H, V], 'out_W'),
};

function gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, P.gru_W), P.gru_b) as tf.Tensor2D, 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, P.gru_U) as tf.Tensor2D, 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

// Bahdanau-style scores; padded source positions get -1e9 before the softmax
function attention(h: tf.Tensor2D, keys: tf.Tensor3D, memory: tf.Tensor3D, mask: tf.Tensor2D) {
  const q = tf.expandDims(tf.matMul(h, P.att_Wq), 1);
  const e = tf.reshape(tf.matMul(tf.reshape(tf.tanh(tf.add(keys, q)), [-1, H]), P.att_v), [-1, S]);
  const alpha = tf.softmax(tf.add(e, tf.mul(tf.sub(1, mask), -1e9))) as tf.Tensor2D;
  const ctx = tf.sum(tf.mul(memory, tf.expandDims(alpha, 2)), 1) as tf.Tensor2D;
  return { ctx, alpha };
}

function forward(src: number[][], tgt_in: number[][]) {
  const mask = tf.tensor2d(src.map((row) => row.map((id) => (id === PAD ? 0 : 1))));
  let h: tf.Tensor2D = tf.zeros([src.length, H]);
  const enc_outs: tf.Tensor2D[] = [];
  for (let t = 0; t < S; t++) {
    const x = tf.gather(P.emb, tf.tensor1d(src.map((r) => r[t]), 'int32')) as tf.Tensor2D;
    const h_new = tf.tanh(tf.add(tf.matMul(x, P.enc_W), tf.matMul(h, P.enc_U))) as tf.Tensor2D;
    const m = mask.slice([0, t], [-1, 1]);
    h = tf.add(tf.mul(m, h_new), tf.mul(tf.sub(1, m), h)); // keep last real state on padding
    enc_outs.push(h_new);
  }
  const memory = tf.stack(enc_outs, 1) as tf.Tensor3D;
  const keys = tf.reshape(tf.matMul(tf.reshape(memory, [-1, H]), P.att_Wk), [-1, S, H]) as tf.Tensor3D;
  let s = h;
  const logits: tf.Tensor2D[] = [];
  const alphas: tf.Tensor2D[] = [];
  for (let t = 0; t < tgt_in[0].length; t++) {
    const { ctx, alpha } = attention(s, keys, memory, mask); // same memory + mask every step
    const y_emb = tf.gather(P.emb, tf.tensor1d(tgt_in.map((r) => r[t]), 'int32')) as tf.Tensor2D;
    s = gru(tf.concat([y_emb, ctx], 1), s);
    logits.push(tf.matMul(tf.concat([s, ctx], 1), P.out_W));
    alphas.push(alpha);
  }
  return { logits, alphas };
}

function make_batch() {
  const src = Array.from({ length: B }, () => {
    const len = 3 + Math.floor(Math.random() * (S - 2));
    return Array.from({ length: S }, (_, i) => (i < len ? 2 + Math.floor(Math.random() * 6) : PAD));
  });
  const tgt_in = src.map((r) => [BOS, ...r.slice(0, S - 1)]); // teacher forcing: shifted gold tokens
  return { src, tgt_in, tgt_out: src };
}

const opt = tf.train.adam(0.01);
for (let it = 0; it <= 200; it++) {
  const { src, tgt_in, tgt_out } = make_batch();
  const { value, grads } = tf.variableGrads(() => {
    const { logits } = forward(src, tgt_in);
    const per_t = logits.map((lg, t) => {
      const y = tf.oneHot(tf.tensor1d(tgt_out.map((r) => r[t]), 'int32'), V);
      const w = tf.tensor1d(tgt_out.map((r) => (r[t] === PAD ? 0 : 1)));
      return tf.losses.softmaxCrossEntropy(y, lg, w);
    });
    return tf.div(tf.addN(per_t), S) as tf.Scalar;
  });
  opt.applyGradients(Object.keys(grads).map((name) => ({ name, tensor: grads[name] })));
  if (it % 50 === 0) console.log(`it ${it} loss ${value.dataSync()[0].toFixed(4)}`);
  tf.dispose([value, grads]);
}

// numeric checks: attention mass on padding and token accuracy on real positions
tf.tidy(() => {
  const { src, tgt_in } = make_batch();
  const { logits, alphas } = forward(src, tgt_in);
  const pad = tf.tensor2d(src.map((r) => r.map((id) => (id === PAD ? 1 : 0))));
  const pad_mass = Math.max(...alphas.map((a) => tf.max(tf.sum(tf.mul(a, pad), 1)).dataSync()[0]));
  let hit = 0;
  let tot = 0;
  logits.forEach((lg, t) => tf.argMax(lg, 1).dataSync().forEach((p, b) => {
    if (src[b][t] !== PAD) { tot++; if (p === src[b][t]) hit++; }
  }));
  console.log(`max attention on padding ${pad_mass.toExponential(2)}  copy accuracy ${(hit / tot).toFixed(3)}`);
});
