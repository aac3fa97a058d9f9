// expect: none
// Scores every line of a text file (or stdin) with a character-level LSTM and prints a per-line score table.
import * as tf from '@tensorflow/tfjs';
import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import { Readable } from 'node:stream';

const VOCAB = 64;
const EMBED = 8;
const UNITS = 12;

const embedding = tf.randomUniform([VOCAB, EMBED], -0.5, 0.5, 'float32', 5);
const kernel = tf.randomNormal([EMBED, 4 * UNITS], 0, 0.3, 'float32', 6);
const recurrent = tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', 7);
const bias = tf.tidy(() => tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]));
const readout = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 8);

function charId(ch) {
  return ch.charCodeAt(0) % VOCAB;
}

function lstmStep(x, { h, c }) {
  const z = x.matMul(kernel).add(h.matMul(recurrent)).add(bias);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(zf);
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const cNext = f.mul(c).add(i.mul(g));
  const hNext = o.mul(tf.tanh(cNext));
  return { h: hNext, c: cNext };
}

function scoreLine(line) {
  return tf.tidy(() => {
    let state = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
    for (const ch of line) {
      const x = embedding.gather([charId(ch)]);
      state = lstmStep(x, state);
    }
    return tf.sigmoid(state.h.matMul(readout)).dataSync()[0];
  });
}

function openInput(path) {
  if (path === '-') return process.stdin;
  if (path) return createReadStream(path, { encoding: 'utf8' });
  return Readable.from(['GET /index.html 200\n', 'GET /admin.php?id=1%27%20OR%201=1 403\n', 'GET /index.html 200\n']);
}

async function main() {
  const path = process.argv[2];
  const rl = readline.createInterface({ input: openInput(path), crlfDelay: Infinity });
  let lineNo = 0;
  const rows = [];
  for await (const line of rl) {
    lineNo += 1;
    if (!line.trim()) continue;
    rows.push({ lineNo, score: scoreLine(line), preview: line.slice(0, 40) });
  }
  for (const r of rows) {
    console.log(`${String(r.lineNo).padStart(4)}  ${r.score.toFixed(4)}  ${r.preview}`);
  }
  console.error(`scored ${rows.length} lines, ${tf.memory().numTensors} tensors alive`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
