// expect: stale-state, tidy-disposed-state
// Encoder-decoder toy from the course: read 3 digits, then the decoder has to write them back out
const tf = require('@tensorflow/tfjs');

const V = 12; // 0-9, 10 = start, 11 = end
const START = 10;
const END = 11;
const H = 32;
const L = 3;

const v = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.15));
const E = v([V, H]);
const encW = v([H, H]), encU = v([H, H]);
const decW = v([H, H]), decU = v([H, H]);
const outW = v([H, V]), outB = tf.variable(tf.zeros([V]));

function encStep(ids, h) {
  const x = tf.gather(E, tf.tensor1d(ids, 'int32'));
  return tf.tanh(x.matMul(encW).add(h.matMul(encU)));
}
function decStep(ids, h) {
  const x = tf.gather(E, tf.tensor1d(ids, 'int32'));
  const hNew = tf.tanh(x.matMul(decW).add(h.matMul(decU)));
  return { logits: hNew.matMul(outW).add(outB), h: hNew };
}

// ---------- training (teacher forcing) ----------
function loss(batch) {
  let h = tf.zeros([batch.length, H]);
  for (let t = 0; t < L; t++) h = encStep(batch.map((s) => s[t]), h);
  const losses = [];
  let prev = batch.map(() => START);
  for (let t = 0; t <= L; t++) {
    const target = batch.map((s) => (t < L ? s[t] : END));
    const step = decStep(prev, h);
    h = step.h;
    losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(target, 'int32'), V), step.logits));
    prev = target;
  }
  return tf.addN(losses).div(losses.length);
}

const opt = tf.train.adam(0.02);
for (let i = 0; i < 250; i++) {
  const batch = Array.from({ length: 64 }, () => Array.from({ length: L }, () => Math.floor(Math.random() * 10)));
  const l = opt.minimize(() => loss(batch), true);
  if (i % 50 === 0) console.log('iter', i, 'loss', l.dataSync()[0].toFixed(3));
  l.dispose();
}

// ---------- inference ----------
let encoderState = null;

function encodePrefix(digits) {
  tf.tidy(() => {
    let hidden = tf.zeros([1, H]);
    digits.forEach((d) => {
      hidden = encStep([d], hidden);
    });
    encoderState = hidden;
  });
}

function decode(maxLen) {
  const decH = encoderState;
  let tok = START;
  const out = [];
  for (let i = 0; i < maxLen; i++) {
    const { logits, h } = decStep([tok], decH);
    tok = logits.argMax(1).dataSync()[0];
    if (tok === END) break;
    out.push(tok);
  }
  return out;
}

function echo(digits) {
  encodePrefix(digits);
  return decode(6);
}

for (const d of [[1, 2, 3], [7, 0, 7], [4, 4, 9]]) {
  try {
    console.log(d.join(''), '->', echo(d).join(''));
  } catch (e) {
    console.log(d.join(''), '-> error:', e.message);
  }
}
