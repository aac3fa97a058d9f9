// expect: none
// Worker that transliterates the address field (latin -> cyrillic) with a tiny attention encoder-decoder.
const tf = require('@tensorflow/tfjs');

const SRC = ' abcdefghijklmnopqrstuvwxyz';
const TGT = ['<s>', '</s>', ...' абвгдежзийклмнопрстуфхцчшщыэюя'];
const H = 32;
const MAX_IN = 24;

function makeParams(seed) {
  const r = (shape, k) => tf.randomNormal(shape, 0, 0.3, 'float32', seed + k);
  return {
    srcEmb: r([SRC.length, H], 0), tgtEmb: r([TGT.length, H], 1),
    encW: r([H, H], 2), encU: r([H, H], 3),
    decW: r([2 * H, H], 4), decU: r([H, H], 5),
    attnW: r([H, H], 6), outW: r([2 * H, TGT.length], 7),
  };
}

function encode(p, text) {
  const ids = Array.from(text.toLowerCase().slice(0, MAX_IN)).map((ch) => Math.max(0, SRC.indexOf(ch)));
  while (ids.length < MAX_IN) ids.push(0);
  const valid = Math.min(text.length, MAX_IN);
  const mask = tf.tensor1d(ids.map((_, i) => (i < valid ? 0 : -1e9)));
  const xs = tf.gather(p.srcEmb, ids);
  let h = tf.zeros([1, H]);
  const outs = [];
  for (let t = 0; t < MAX_IN; t++) {
    h = tf.tanh(xs.slice([t, 0], [1, H]).matMul(p.encW).add(h.matMul(p.encU)));
    outs.push(h);
  }
  return { memory: tf.concat(outs, 0), mask, last: h };
}

function decodeStep(p, prevToken, h, memory, mask) {
  const scores = memory.matMul(h.matMul(p.attnW).transpose()).squeeze([1]).add(mask);
  const weights = tf.softmax(scores);
  const context = weights.expandDims(0).matMul(memory);
  const x = tf.gather(p.tgtEmb, [prevToken]);
  const hNext = tf.tanh(tf.concat([x, context], 1).matMul(p.decW).add(h.matMul(p.decU)));
  const logits = tf.concat([hNext, context], 1).matMul(p.outW);
  return { hNext, logits };
}

function transliterate(p, text) {
  return tf.tidy(() => {
    const { memory, mask, last } = encode(p, text);
    let h = last;
    let token = 0;
    let out = '';
    for (let i = 0; i < MAX_IN + 4; i++) {
      const step = decodeStep(p, token, h, memory, mask);
      h = step.hNext;
      token = step.logits.argMax(1).dataSync()[0];
      if (token === 1) break;
      out += TGT[token].length === 1 ? TGT[token] : '';
    }
    return out;
  });
}

const params = makeParams(100);

function handle(ev) {
  const { id, field, value } = ev.data || {};
  if (typeof value !== 'string') return;
  const result = transliterate(params, value);
  self.postMessage({ id, field, value: result });
}

if (typeof self !== 'undefined' && typeof self.addEventListener === 'function') {
  self.addEventListener('message', handle);
}

module.exports = { makeParams, encode, decodeStep, transliterate, handle };
