// expect: none
// Batch inference over padded support-chat transcripts with a masked RNN, guarded by engine scopes and tensor-count checks.
import * as tf from '@tensorflow/tfjs';
import { readFile, writeFile } from 'node:fs/promises';

const HIDDEN = 48;
const BATCH = 16;

function rnnStep(W, x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, W.wx), tf.matMul(h, W.wh)), W.b));
}

function padBatch(seqs, dim) {
  const T = Math.max(...seqs.map((s) => s.length));
  const xs = [];
  const masks = [];
  for (let t = 0; t < T; t++) {
    xs.push(seqs.map((s) => s[t] ?? new Array(dim).fill(0)));
    masks.push(seqs.map((s) => [t < s.length ? 1 : 0]));
  }
  return { xs: tf.tensor3d(xs), masks: tf.tensor3d(masks), T };
}

function encodeBatch(W, seqs) {
  tf.engine().startScope();
  const { xs, masks, T } = padBatch(seqs, W.wx.shape[0]);
  let h = tf.zeros([seqs.length, HIDDEN]);
  for (let t = 0; t < T; t++) {
    const x = xs.gather(t);
    const m = masks.gather(t);
    const hNew = rnnStep(W, x, h);
    h = tf.add(tf.mul(m, hNew), tf.mul(tf.sub(1, m), h));
  }
  const probs = tf.softmax(tf.add(tf.matMul(h, W.wOut), W.bOut));
  const result = tf.keep(probs);
  tf.engine().endScope();
  return result;
}

async function loadWeights(file) {
  const json = JSON.parse(await readFile(file, 'utf8'));
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]));
}

async function main() {
  const W = await loadWeights('./escalation-rnn.json');
  const transcripts = JSON.parse(await readFile('./transcripts.json', 'utf8'));
  const baseline = tf.memory().numTensors;
  const rows = [];

  for (let i = 0; i < transcripts.length; i += BATCH) {
    const batch = transcripts.slice(i, i + BATCH);
    const probs = encodeBatch(W, batch.map((t) => t.turns));
    const values = await probs.array();
    probs.dispose();
    batch.forEach((t, j) => rows.push({ id: t.id, escalate: values[j][1] }));

    const live = tf.memory().numTensors;
    if (live !== baseline) throw new Error(`tensor leak: ${live - baseline} tensors after batch ${i / BATCH}`);
  }

  await writeFile('./escalation-scores.json', JSON.stringify(rows, null, 2));
  console.log(`scored ${rows.length} transcripts`);
}

main();
