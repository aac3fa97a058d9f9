// expect: stacked-activation
// Recurrent Highway Network (Zilly et al., 2017) with coupled carry gates, used as a character-level language model.
const tf = require('@tensorflow/tfjs');

const corpus = 'the quick brown fox jumps over the lazy dog while the cat naps in the sun. '.repeat(120);
const chars = Array.from(new Set(corpus)).sort();
const VOCAB = chars.length;
const charToId = new Map(chars.map((ch, i) => [ch, i]));

const EMBED = 32;
const UNITS = 128;
const DEPTH = 4; // recurrence depth L: highway micro-layers per time step
const T_BIAS = -2.0; // start the transform gates mostly closed, as in the paper

const init = (shape, scale = 0.04) => tf.variable(tf.randomUniform(shape, -scale, scale));
const perLayer = (fn) => Array.from({ length: DEPTH }, fn);

const p = {
  emb: init([VOCAB, EMBED], 0.1),
  W_H: init([EMBED, UNITS]),
  W_T: init([EMBED, UNITS]),
  R_H: perLayer(() => init([UNITS, UNITS])),
  R_T: perLayer(() => init([UNITS, UNITS])),
  b_H: perLayer(() => tf.variable(tf.zeros([UNITS]))),
  b_T: perLayer(() => tf.variable(tf.fill([UNITS], T_BIAS))),
  W_out: init([UNITS, VOCAB]),
  b_out: tf.variable(tf.zeros([VOCAB])),
};

function candidate(l, s, xH) {
  let z = tf.add(tf.matMul(s, p.R_H[l]), p.b_H[l]);
  if (xH) z = tf.add(z, xH);
  return tf.tanh(z);
}

function transformGate(l, s, xT) {
  let z = tf.add(tf.matMul(s, p.R_T[l]), p.b_T[l]);
  if (xT) z = tf.add(z, xT);
  return tf.sigmoid(z);
}

// The input only enters the first micro-layer; carry gate c = 1 - t.
function rhnStep(x, s) {
  const xH = tf.matMul(x, p.W_H);
  const xT = tf.matMul(x, p.W_T);
  let state = s;
  for (let l = 0; l < DEPTH; l++) {
    const h = tf.tanh(candidate(l, state, l === 0 ? xH : null));
    const t = transformGate(l, state, l === 0 ? xT : null);
    state = tf.add(tf.mul(h, t), tf.mul(state, tf.sub(1, t)));
  }
  return state;
}

function lmLoss(ids) {
  // ids: int32 [batch, len]; predict ids[:, t + 1] from ids[:, <= t]
  const [batch, len] = ids.shape;
  const emb = tf.gather(p.emb, ids);
  let s = tf.zeros([batch, UNITS]);
  const losses = [];
  for (let t = 0; t < len - 1; t++) {
    const x = emb.slice([0, t, 0], [batch, 1, EMBED]).reshape([batch, EMBED]);
    s = rhnStep(x, s);
    const logits = tf.add(tf.matMul(s, p.W_out), p.b_out);
    const next = tf.oneHot(ids.slice([0, t + 1], [batch, 1]).reshape([batch]), VOCAB);
    losses.push(tf.losses.softmaxCrossEntropy(next, logits));
  }
  return tf.div(tf.addN(losses), len - 1);
}

function sampleBatch(batch, len) {
  const rows = [];
  for (let b = 0; b < batch; b++) {
    const start = Math.floor(Math.random() * (corpus.length - len));
    rows.push(Array.from(corpus.slice(start, start + len), (ch) => charToId.get(ch)));
  }
  return tf.tensor2d(rows, [batch, len], 'int32');
}

async function main() {
  const optimizer = tf.train.adam(2e-3);
  for (let step = 1; step <= 500; step++) {
    const ids = sampleBatch(16, 41);
    const loss = optimizer.minimize(() => lmLoss(ids), true);
    if (step % 50 === 0) {
      const nats = (await loss.data())[0];
      console.log(`step ${step}  ${(nats / Math.LN2).toFixed(3)} bits/char`);
    }
    tf.dispose([ids, loss]);
  }
}

main();
