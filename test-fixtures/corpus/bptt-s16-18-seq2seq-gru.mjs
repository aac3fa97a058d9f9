// expect: bptt-cut
// GRU encoder-decoder on digit reversal with full teacher forcing; optimizer.minimize loop from the seq2seq notebook
import * as tf from '@tensorflow/tfjs';

const V = 7; // 0 = <go>, 1..6 digits
const GO = 0;
const S = 4;
const H = 32;
const B = 32;

function gru_params(d_in, tag) {
  return {
    W: tf.variable(tf.randomNormal([d_in, 3 * H], 0, 0.2), true, `${tag}_W`),
    U: tf.variable(tf.randomNormal([H, 3 * H], 0, 0.2), true, `${tag}_U`),
    b: tf.variable(tf.zeros([3 * H]), true, `${tag}_b`),
  };
}

const enc = gru_params(V, 'enc');
const dec = gru_params(V, 'dec');
const proj = { W: tf.variable(tf.randomNormal([H, V], 0, 0.2), true, 'proj_W'), b: tf.variable(tf.zeros([V]), true, 'proj_b') };

function gru(p, x, h) {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, p.W), p.b), 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, p.U), 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

const oh = (ids) => tf.oneHot(tf.tensor1d(ids, 'int32'), V).toFloat();

function encode(src) {
  return tf.tidy(() => {
    let h = tf.zeros([src.length, H]);
    for (let t = 0; t < S; t++) h = gru(enc, oh(src.map((r) => r[t])), h);
    return h;
  });
}

function decode_loss(h0, tgt) {
  let h = h0;
  const losses = [];
  for (let t = 0; t < S; t++) {
    const y_in = oh(tgt.map((r) => (t === 0 ? GO : r[t - 1]))); // teacher forcing
    h = gru(dec, y_in, h);
    losses.push(tf.losses.softmaxCrossEntropy(oh(tgt.map((r) => r[t])), tf.add(tf.matMul(h, proj.W), proj.b)));
  }
  return tf.div(tf.addN(losses), S);
}

function greedy(src) {
  return tf.tidy(() => {
    let h = encode(src);
    let prev = src.map(() => GO);
    const out = src.map(() => []);
    for (let t = 0; t < S; t++) {
      h = gru(dec, oh(prev), h);
      prev = Array.from(tf.argMax(tf.add(tf.matMul(h, proj.W), proj.b), 1).dataSync());
      prev.forEach((w, b) => out[b].push(w));
    }
    return out;
  });
}

function batch() {
  const src = Array.from({ length: B }, () => Array.from({ length: S }, () => 1 + Math.floor(Math.random() * 6)));
  return { src, tgt: src.map((r) => [...r].reverse()) };
}

const opt = tf.train.adam(0.01);
for (let it = 0; it <= 300; it++) {
  const { src, tgt } = batch();
  const enc_h = encode(src);
  const loss = opt.minimize(() => decode_loss(enc_h, tgt), true);
  if (it % 100 === 0) console.log(`it ${it} loss ${loss.dataSync()[0].toFixed(4)}`);
  tf.dispose([loss, enc_h]);
}

// numeric checks: exact-match rate and parameter norms
const { src, tgt } = batch();
const hyp = greedy(src);
const exact = hyp.filter((h, i) => h.join() === tgt[i].join()).length / B;
console.log('exact match', exact.toFixed(3));
const norms = {};
for (const [name, p] of Object.entries({ enc_W: enc.W, enc_U: enc.U, dec_W: dec.W, dec_U: dec.U, proj_W: proj.W })) {
  norms[name] = tf.tidy(() => tf.norm(p).dataSync()[0].toFixed(3));
}
console.log(norms);
