// expect: none
// Trains a character RNN over one long book with truncated BPTT, carrying the hidden state between chunks and checkpointing weights.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');

const HIDDEN = 128;
const CHUNK = 32;
const CKPT = './book-rnn-ckpt.json';

const text = fs.readFileSync('./book.txt', 'utf8');
const chars = Array.from(new Set(text)).sort();
const VOCAB = chars.length;
const ids = Array.from(text, (ch) => chars.indexOf(ch));

function param(name, shape, saved) {
  const init = saved ? tf.tensor(saved[name], shape) : tf.randomNormal(shape, 0, 0.05);
  return tf.variable(init, true, name);
}

const saved = fs.existsSync(CKPT) ? JSON.parse(fs.readFileSync(CKPT, 'utf8')) : null;
const W = {
  wx: param('wx', [VOCAB, HIDDEN], saved?.weights),
  wh: param('wh', [HIDDEN, HIDDEN], saved?.weights),
  b: param('b', [HIDDEN], saved?.weights),
  wy: param('wy', [HIDDEN, VOCAB], saved?.weights),
};
const optimizer = tf.train.adam(2e-3);

function step(x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, W.wx), tf.matMul(h, W.wh)), W.b));
}

function saveCheckpoint(epoch) {
  const weights = {};
  for (const [k, v] of Object.entries(W)) weights[k] = Array.from(v.dataSync());
  fs.writeFileSync(CKPT, JSON.stringify({ epoch, weights }));
}

for (let epoch = saved ? saved.epoch + 1 : 0; epoch < 20; epoch++) {
  // Each epoch is a fresh pass over the book, so start from a zero state.
  let carry = [new Array(HIDDEN).fill(0)];
  let total = 0;
  let chunks = 0;

  for (let start = 0; start + CHUNK + 1 < ids.length; start += CHUNK) {
    const inputs = ids.slice(start, start + CHUNK);
    const targets = ids.slice(start + 1, start + CHUNK + 1);
    const loss = optimizer.minimize(() => {
      // Truncated BPTT: gradients flow through the CHUNK steps of this window only.
      // The state carried in from the previous chunk enters as a constant on purpose.
      let h = tf.tensor2d(carry);
      const losses = [];
      for (let t = 0; t < CHUNK; t++) {
        const x = tf.oneHot(tf.tensor1d([inputs[t]], 'int32'), VOCAB).toFloat();
        h = step(x, h);
        const logits = tf.matMul(h, W.wy);
        const y = tf.oneHot(tf.tensor1d([targets[t]], 'int32'), VOCAB);
        losses.push(tf.losses.softmaxCrossEntropy(y, logits));
      }
      // Loss is already built from the full unroll; read the final state for the next chunk.
      carry = h.arraySync();
      return tf.mean(tf.stack(losses));
    }, true);
    total += loss.dataSync()[0];
    chunks += 1;
    loss.dispose();
  }

  saveCheckpoint(epoch);
  console.log(`epoch ${epoch}: mean loss ${(total / chunks).toFixed(4)}, tensors ${tf.memory().numTensors}`);
}
