// expect: stale-state
// CLI: node perplexity.js corpus.txt -> prints a per-line character perplexity from a char LSTM (weights from weights.json if present).
'use strict';
const fs = require('fs');
const readline = require('readline');
const tf = require('@tensorflow/tfjs');

const CHARS = ' abcdefghijklmnopqrstuvwxyz0123456789.,;:!?\'"-()\n';
const UNITS = 32;

function loadParams(file) {
  if (file && fs.existsSync(file)) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { kernel: tf.tensor2d(raw.kernel), bias: tf.tensor1d(raw.bias), out: tf.tensor2d(raw.out) };
  }
  return {
    kernel: tf.randomNormal([CHARS.length + UNITS, 4 * UNITS], 0, 0.15, 'float32', 1),
    bias: tf.zeros([4 * UNITS]),
    out: tf.randomNormal([UNITS, CHARS.length], 0, 0.3, 'float32', 2),
  };
}

function oneHot(ch) {
  const i = Math.max(0, CHARS.indexOf(ch.toLowerCase()));
  return tf.oneHot(tf.tensor1d([i], 'int32'), CHARS.length).toFloat();
}

function lstmStep(p, x, state) {
  return tf.tidy(() => {
    const z = tf.matMul(tf.concat([x, state.h], 1), p.kernel).add(p.bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const h = tf.sigmoid(o).mul(tf.tanh(c));
    return { h, c };
  });
}

function zeroState() {
  return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
}

function linePerplexity(p, line) {
  const text = line + '\n';
  const state = zeroState();
  let prev = null;
  let nll = 0;
  for (let t = 0; t < text.length - 1; t++) {
    const next = tf.tidy(() => lstmStep(p, oneHot(text[t]), state));
    const target = Math.max(0, CHARS.indexOf(text[t + 1].toLowerCase()));
    nll -= tf.tidy(() => tf.logSoftmax(tf.matMul(next.h, p.out)).dataSync()[target]);
    if (prev) tf.dispose([prev.h, prev.c]);
    prev = next;
  }
  if (prev) tf.dispose([prev.h, prev.c]);
  tf.dispose([state.h, state.c]);
  return Math.exp(nll / Math.max(1, text.length - 1));
}

async function main(file, weightsFile) {
  const p = loadParams(weightsFile);
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    console.log(`${String(n).padStart(5)}  ${linePerplexity(p, line).toFixed(2).padStart(8)}  ${line.slice(0, 60)}`);
  }
}

if (require.main === module) {
  const [file, weights] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node perplexity.js <file> [weights.json]');
    process.exit(1);
  }
  main(file, weights || 'weights.json').catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { linePerplexity, lstmStep, loadParams, zeroState };
