// expect: unused-hidden-state
// Line-by-line log anomaly scorer with a PyTorch-style RNN module; hidden state is checkpointed to disk so the scorer can be restarted.
import * as tf from '@tensorflow/tfjs';
import { readFile, writeFile } from 'node:fs/promises';
import readline from 'node:readline';

const CKPT_PATH = './log-rnn-hidden.json';

class LogRNN {
  constructor(weights) {
    this.wih = tf.tensor2d(weights.wih);
    this.whh = tf.tensor2d(weights.whh);
    this.bih = tf.tensor1d(weights.bih);
    this.bhh = tf.tensor1d(weights.bhh);
    this.h0 = tf.tensor2d(weights.h0);
    this.wScore = tf.tensor2d(weights.wScore);
    this.hiddenSize = weights.whh.length;
  }

  initHidden(batch = 1) {
    return tf.tile(this.h0, [batch, 1]);
  }

  forward(input, hidden) {
    const next = tf.tidy(() => {
      const ih = tf.matMul(input, this.wih).add(this.bih);
      const hh = tf.matMul(this.h0, this.whh).add(this.bhh);
      return tf.tanh(ih.add(hh));
    });
    const score = tf.tidy(() => tf.sigmoid(tf.matMul(next, this.wScore)));
    return { score, hidden: next };
  }
}

function featurize(line) {
  const v = new Array(16).fill(0);
  for (const token of line.split(/\s+/)) {
    let hash = 0;
    for (const ch of token) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    v[hash % 16] += 1;
  }
  return tf.tensor2d([v]);
}

async function loadHidden(model) {
  try {
    const saved = JSON.parse(await readFile(CKPT_PATH, 'utf8'));
    return { hidden: tf.tensor(saved.values, saved.shape), lineNo: saved.lineNo };
  } catch {
    return { hidden: model.initHidden(), lineNo: 0 };
  }
}

async function saveHidden(hidden, lineNo) {
  const values = Array.from(await hidden.data());
  await writeFile(CKPT_PATH, JSON.stringify({ shape: hidden.shape, values, lineNo }));
}

async function main() {
  const model = new LogRNN(JSON.parse(await readFile('./log-rnn-weights.json', 'utf8')));
  let { hidden, lineNo } = await loadHidden(model);
  const rl = readline.createInterface({ input: process.stdin });

  for await (const line of rl) {
    const x = featurize(line);
    const { score, hidden: nextHidden } = model.forward(x, hidden);
    const s = (await score.data())[0];
    if (s > 0.95) console.log(`[anomaly ${s.toFixed(3)}] #${lineNo}: ${line}`);
    tf.dispose([x, score, hidden]);
    hidden = nextHidden;
    lineNo += 1;
    if (lineNo % 1000 === 0) await saveHidden(hidden, lineNo);
  }

  await saveHidden(hidden, lineNo);
  hidden.dispose();
}

main();
