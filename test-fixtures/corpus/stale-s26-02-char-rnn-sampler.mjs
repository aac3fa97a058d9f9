// expect: stale-state
// Observable cells pasted into a script: tiny char RNN, prime it on a prefix, then stream sampled characters from a generator.
import * as tf from '@tensorflow/tfjs';

// --- cell: vocabulary ---
const corpus = 'the cat sat on the mat. the dog sat on the log. the cat saw the dog.';
const vocab = Array.from(new Set(corpus)).sort();
const V = vocab.length;
const H = 24;
const index = Object.fromEntries(vocab.map((ch, i) => [ch, i]));

// --- cell: weights (untrained, we only want to look at the plumbing) ---
const Wxh = tf.randomNormal([V, H], 0, 0.4, 'float32', 11);
const Whh = tf.randomNormal([H, H], 0, 0.4, 'float32', 12);
const Why = tf.randomNormal([H, V], 0, 0.4, 'float32', 13);
const bh = tf.zeros([H]);
const by = tf.zeros([V]);

// --- cell: one step ---
function cell(x, h) {
  return tf.tidy(() => {
    const hNext = tf.tanh(tf.matMul(x, Wxh).add(tf.matMul(h, Whh)).add(bh));
    const logits = tf.matMul(hNext, Why).add(by);
    return { logits, h: hNext };
  });
}

const oneHot = (ch) => tf.tidy(() => tf.oneHot([index[ch]], V).toFloat());

// --- cell: prime the state on a prefix ---
function warmup(prefix) {
  let h = tf.zeros([1, H]);
  for (const ch of prefix) {
    const x = oneHot(ch);
    const out = cell(x, h);
    h.dispose();
    x.dispose();
    out.logits.dispose();
    h = out.h;
  }
  return h;
}

// --- cell: generator, one character per next() ---
function* sample(prefix, temperature = 0.8, seed = 42) {
  const primed = warmup(prefix);
  let h = primed;
  let ch = prefix[prefix.length - 1];
  let i = 0;
  while (true) {
    const x = oneHot(ch);
    const { logits, h: hNext } = cell(x, primed);
    const id = tf.tidy(() => tf.multinomial(logits.div(temperature), 1, seed + i).dataSync()[0]);
    x.dispose();
    logits.dispose();
    if (h !== primed) h.dispose();
    h = hNext;
    ch = vocab[id];
    i += 1;
    yield ch;
  }
}

// --- cell: consume ---
const gen = sample('the c');
let text = '';
for (let k = 0; k < 60; k++) text += gen.next().value;
console.log(JSON.stringify(text));

// --- cell: a second run with lower temperature ---
const cold = sample('the d', 0.3, 7);
const rows = [];
for (let k = 0; k < 8; k++) rows.push({ step: k, char: cold.next().value });
console.table(rows);
console.log('tensors alive:', tf.memory().numTensors);
