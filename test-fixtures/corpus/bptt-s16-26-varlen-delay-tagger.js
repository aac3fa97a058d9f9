// expect: bptt-cut
// variable-length delay tagger (label_t = token_{t-2}), tanh RNN trained with tf.grads on raw weight tensors + SGD
const tf = require('@tensorflow/tfjs');

const V = 4;
const H = 24;
const T = 10;
const B = 32;
const DELAY = 2;

let W = tf.randomNormal([V, H], 0, 0.4);
let U = tf.randomNormal([H, H], 0, 0.3);
let Wy = tf.randomNormal([H, V], 0, 0.3);

// sequences shorter than T are padded; finished rows keep their last state
function freeze_finished(h_new, h_prev, lengths, t) {
  const a = h_new.arraySync();
  const b = h_prev.arraySync();
  return tf.tensor2d(a.map((row, i) => (t < lengths[i] ? row : b[i])));
}

function seq_loss(W_, U_, Wy_, data) {
  let h = tf.zeros([B, H]);
  const losses = [];
  for (let t = 0; t < T; t++) {
    const x_t = tf.oneHot(tf.tensor1d(data.tokens.map((r) => r[t]), 'int32'), V).toFloat();
    const h_t = tf.tanh(tf.add(tf.matMul(x_t, W_), tf.matMul(h, U_)));
    if (t >= DELAY && data.lengths.some((len) => t < len)) {
      const y_t = tf.oneHot(tf.tensor1d(data.tokens.map((r) => r[t - DELAY]), 'int32'), V);
      const w_t = tf.tensor1d(data.lengths.map((len) => (t < len ? 1 : 0)));
      losses.push(tf.losses.softmaxCrossEntropy(y_t, tf.matMul(h_t, Wy_), w_t));
    }
    h = freeze_finished(h_t, h, data.lengths, t);
  }
  return tf.div(tf.addN(losses), T - DELAY);
}

function make_data() {
  const lengths = Array.from({ length: B }, () => 5 + Math.floor(Math.random() * (T - 4)));
  const tokens = lengths.map((len) => Array.from({ length: T }, (_, t) => (t < len ? Math.floor(Math.random() * V) : 0)));
  return { tokens, lengths };
}

let current = make_data();
const grad_fn = tf.grads((W_, U_, Wy_) => seq_loss(W_, U_, Wy_, current));
const lr = 0.5;
const clip = 0.5;

for (let it = 0; it <= 300; it++) {
  current = make_data();
  const [gW, gU, gWy] = grad_fn([W, U, Wy]);
  const next = tf.tidy(() => [W, U, Wy].map((p, i) => tf.sub(p, tf.mul(tf.clipByValue([gW, gU, gWy][i], -clip, clip), lr))));
  tf.dispose([W, U, Wy, gW, gU, gWy]);
  [W, U, Wy] = next;
  if (it % 100 === 0) {
    const l = tf.tidy(() => seq_loss(W, U, Wy, current).dataSync()[0]);
    console.log(`it ${it} loss ${l.toFixed(4)}`);
  }
}

// numeric check: tagging accuracy on valid positions t >= DELAY
const test = make_data();
const acc = tf.tidy(() => {
  let h = tf.zeros([B, H]);
  let hit = 0;
  let tot = 0;
  for (let t = 0; t < T; t++) {
    const x_t = tf.oneHot(tf.tensor1d(test.tokens.map((r) => r[t]), 'int32'), V).toFloat();
    const h_t = tf.tanh(tf.add(tf.matMul(x_t, W), tf.matMul(h, U)));
    const pred = tf.argMax(tf.matMul(h_t, Wy), 1).dataSync();
    test.lengths.forEach((len, i) => {
      if (t >= DELAY && t < len) { tot++; if (pred[i] === test.tokens[i][t - DELAY]) hit++; }
    });
    h = freeze_finished(h_t, h, test.lengths, t);
  }
  return hit / tot;
});
console.log('delay-2 tagging accuracy', acc.toFixed(3), '(chance 0.25)');
