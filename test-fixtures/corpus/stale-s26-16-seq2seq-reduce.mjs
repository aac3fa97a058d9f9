// expect: stale-state
// Observable notebook: tiny untrained encoder-decoder RNN, just wiring up greedy decoding before the training cells.
import * as tf from '@tensorflow/tfjs';

// --- cell: toy vocabulary ---
const VOCAB = ['<s>', '</s>', 'a', 'b', 'c', 'd', 'e', 'f'];
const START = 0;
const END = 1;
const V = VOCAB.length;
const H = 10;
const ids = (s) => s.split(' ').map((w) => VOCAB.indexOf(w));

// --- cell: weights ---
const rnd = (shape, seed, sd = 0.5) => tf.randomNormal(shape, 0, sd, 'float32', seed);
const enc = { E: rnd([V, H], 1), Wx: rnd([H, H], 2), Wh: rnd([H, H], 3) };
const dec = { E: rnd([V, H], 4), Wx: rnd([H, H], 5), Wh: rnd([H, H], 6), Wo: rnd([H, V], 7, 1.2) };

const rnnStep = (p, tokenId, h) =>
  tf.tidy(() => tf.tanh(tf.matMul(tf.gather(p.E, [tokenId]), p.Wx).add(tf.matMul(h, p.Wh))));

// --- cell: encoder ---
function encode(tokens) {
  return tokens.reduce((h, id) => {
    const next = rnnStep(enc, id, h);
    h.dispose();
    return next;
  }, tf.zeros([1, H]));
}

// --- cell: one decoder step ---
function decoderStep(tokenId, h) {
  const state = rnnStep(dec, tokenId, h);
  const logits = tf.tidy(() => tf.matMul(state, dec.Wo));
  return { logits, state };
}

// --- cell: greedy decoding with reduce ---
function decode(src, maxLen = 8) {
  const encState = encode(ids(src));
  const result = Array.from({ length: maxLen }).reduce(
    (acc) => {
      if (acc.done) return acc;
      const { logits, state } = decoderStep(acc.token, encState);
      const token = logits.argMax(1).dataSync()[0];
      logits.dispose();
      return { token, state, tokens: [...acc.tokens, VOCAB[token]], done: token === END };
    },
    { token: START, state: encState, tokens: [], done: false },
  );
  return result.tokens.join(' ');
}

// --- cell: try a few sources ---
const sources = ['a b c', 'c b a', 'd e f d', 'f', 'a a a a a'];
console.table(sources.map((src) => ({ src, out: decode(src) })));

// --- cell: longer budget for one of them ---
console.log(decode('d e f d', 16));
console.log('tensors alive:', tf.memory().numTensors);
