// expect: bptt-cut
// Trains an intent classifier for a smart-home voice assistant from transcribed commands (ESM Node script).
import * as tf from '@tensorflow/tfjs';
import { readFile, writeFile } from 'node:fs/promises';

const INTENTS = ['lights_on', 'lights_off', 'set_temp', 'play_music', 'stop_music', 'weather'];
const EMB = 32;
const HID = 64;

function buildVocab(rows) {
  const vocab = new Map([['<pad>', 0], ['<unk>', 1]]);
  for (const { text } of rows) {
    for (const w of text.toLowerCase().split(/\W+/).filter(Boolean)) {
      if (!vocab.has(w)) vocab.set(w, vocab.size);
    }
  }
  return vocab;
}

function toIds(text, vocab) {
  return text.toLowerCase().split(/\W+/).filter(Boolean).map((w) => vocab.get(w) ?? 1);
}

function createParams(vocabSize) {
  const v = (shape, name, std = 0.1) => tf.variable(tf.randomNormal(shape, 0, std), true, name);
  return {
    emb: v([vocabSize, EMB], 'emb'),
    Wxh: v([EMB, HID], 'Wxh'),
    Whh: v([HID, HID], 'Whh', 1 / Math.sqrt(HID)),
    bh: tf.variable(tf.zeros([HID]), true, 'bh'),
    Wo: v([HID, INTENTS.length], 'Wo'),
    bo: tf.variable(tf.zeros([INTENTS.length]), true, 'bo'),
  };
}

/** Runs every utterance in the batch through the RNN and returns the final hidden states. */
function encodeBatch(p, batchIds) {
  const T = Math.max(...batchIds.map((ids) => ids.length));
  const padded = batchIds.map((ids) => [...Array(T - ids.length).fill(0), ...ids]); // left-pad
  const embedded = tf.gather(p.emb, tf.tensor2d(padded, undefined, 'int32')); // [B, T, EMB]
  let h = tf.zeros([batchIds.length, HID]);
  for (let t = 0; t < T; t++) {
    const xt = embedded.slice([0, t, 0], [-1, 1, -1]).squeeze([1]);
    h = tf.tanh(tf.addN([tf.matMul(xt, p.Wxh), tf.matMul(h, p.Whh), p.bh]));
  }
  return h;
}

function classify(p, h) {
  return tf.add(tf.matMul(h, p.Wo), p.bo);
}

async function main() {
  const rows = JSON.parse(await readFile(process.argv[2] ?? 'commands.json', 'utf8'));
  const vocab = buildVocab(rows);
  const p = createParams(vocab.size);
  const optimizer = tf.train.adam(5e-3);
  const varList = Object.values(p);
  const batchSize = 32;

  for (let epoch = 0; epoch < 25; epoch++) {
    tf.util.shuffle(rows);
    let epochLoss = 0;
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      const labels = tf.oneHot(tf.tensor1d(batch.map((r) => INTENTS.indexOf(r.intent)), 'int32'), INTENTS.length);
      const lossVal = tf.tidy(() => {
        const finalStates = encodeBatch(p, batch.map((r) => toIds(r.text, vocab)));
        const { value, grads } = tf.variableGrads(
          () => tf.losses.softmaxCrossEntropy(labels, classify(p, finalStates)),
          varList,
        );
        optimizer.applyGradients(grads);
        return value.dataSync()[0];
      });
      labels.dispose();
      epochLoss += lossVal * batch.length;
    }
    console.log(`epoch ${epoch + 1}: loss ${(epochLoss / rows.length).toFixed(4)}`);
  }

  const exported = {};
  for (const [k, t] of Object.entries(p)) exported[k] = await t.array();
  await writeFile('intent-rnn.json', JSON.stringify({ vocab: [...vocab.keys()], intents: INTENTS, weights: exported }));
  console.log('saved intent-rnn.json');
}

main();
