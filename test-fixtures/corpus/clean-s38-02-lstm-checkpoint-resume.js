// expect: none
// Story generator built on a hand-rolled LSTM that checkpoints (h, c) to disk so a long generation can resume after a restart.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');

const VOCAB = 64;
const HIDDEN = 48;
const BOS = 0;
const CKPT = './story-ckpt.json';

function loadWeights(path) {
  const raw = JSON.parse(fs.readFileSync(path, 'utf8'));
  return {
    kernel: tf.tensor2d(raw.kernel, [VOCAB, 4 * HIDDEN]),
    recurrent: tf.tensor2d(raw.recurrent, [HIDDEN, 4 * HIDDEN]),
    bias: tf.tensor1d(raw.bias),
    proj: tf.tensor2d(raw.proj, [HIDDEN, VOCAB]),
  };
}

function lstmStep(W, x, h, c) {
  const z = tf.add(tf.add(tf.matMul(x, W.kernel), tf.matMul(h, W.recurrent)), W.bias);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
  const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
  return { h: hNext, c: cNext };
}

function restore() {
  if (!fs.existsSync(CKPT)) {
    return { h: tf.zeros([1, HIDDEN]), c: tf.zeros([1, HIDDEN]), last: BOS, produced: [] };
  }
  const saved = JSON.parse(fs.readFileSync(CKPT, 'utf8'));
  return {
    h: tf.tensor2d(saved.h),
    c: tf.tensor2d(saved.c),
    last: saved.last,
    produced: saved.produced,
  };
}

function checkpoint(state) {
  const payload = {
    h: state.h.arraySync(),
    c: state.c.arraySync(),
    last: state.last,
    produced: state.produced,
  };
  fs.writeFileSync(CKPT, JSON.stringify(payload));
}

function generate(W, state, n, temperature) {
  let { h, c, last } = state;
  const produced = state.produced.slice();
  for (let t = 0; t < n; t++) {
    const next = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([last], 'int32'), VOCAB).toFloat();
      const s = lstmStep(W, x, h, c);
      const logits = tf.div(tf.matMul(s.h, W.proj), temperature);
      const id = tf.multinomial(logits, 1).dataSync()[0];
      return { h: s.h, c: s.c, id };
    });
    tf.dispose([h, c]);
    h = next.h;
    c = next.c;
    last = next.id;
    produced.push(last);
  }
  return { h, c, last, produced };
}

function main() {
  const W = loadWeights('./story-lstm.json');
  const target = Number(process.argv[2] || 2000);
  let state = restore();

  while (state.produced.length < target) {
    state = generate(W, state, 100, 0.8);
    checkpoint(state);
    console.log(`${state.produced.length}/${target} chars, tensors=${tf.memory().numTensors}`);
  }

  fs.writeFileSync('./story.txt', state.produced.map((id) => String.fromCharCode(32 + id)).join(''));
  fs.unlinkSync(CKPT);
  tf.dispose([state.h, state.c]);
  tf.dispose(Object.values(W));
}

main();
