// expect: unused-hidden-state
// Next-word suggestion model for a notes app: RNN language model with tied input/output embeddings.
import * as tf from '@tensorflow/tfjs';

export const createRnnLm = ({ vocabSize, units = 32, seed = 3 } = {}) => {
  // tied embeddings: the embedding width has to equal the hidden size
  const E = tf.variable(tf.randomNormal([vocabSize, units], 0, 0.1, 'float32', seed), true, 'E');
  const Wx = tf.variable(tf.randomNormal([units, units], 0, 0.2, 'float32', seed + 1), true, 'Wx');
  const Wh = tf.variable(tf.randomNormal([units, units], 0, 0.2, 'float32', seed + 2), true, 'Wh');
  const b = tf.variable(tf.zeros([units]), true, 'b');

  const embed = (ids) => tf.gather(E, ids);

  const step = (x, state) => {
    const h = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(x, Wh)).add(b));
    const logits = tf.matMul(h, E, false, true);
    return { logits, state: { h } };
  };

  const initialState = (batch = 1) => ({ h: tf.zeros([batch, units]) });

  return { embed, step, initialState, units, trainable: [E, Wx, Wh, b] };
};

export function sequenceLoss(lm, ids) {
  return tf.tidy(() => {
    let state = lm.initialState(ids.length);
    const losses = [];
    const T = ids[0].length;
    for (let t = 0; t < T - 1; t++) {
      const col = ids.map((row) => row[t]);
      const target = tf.oneHot(ids.map((row) => row[t + 1]), lm.trainable[0].shape[0]);
      const out = lm.step(lm.embed(col), state);
      state = out.state;
      losses.push(tf.losses.softmaxCrossEntropy(target, out.logits));
    }
    return tf.addN(losses).div(losses.length);
  });
}

export function suggest(lm, prefixIds, k = 3) {
  return tf.tidy(() => {
    let state = lm.initialState();
    let logits;
    for (const id of prefixIds) ({ logits, state } = lm.step(lm.embed([id]), state));
    const { indices } = tf.topk(logits.squeeze(), k);
    return Array.from(indices.dataSync());
  });
}

const words = 'the cat sat on the mat the dog sat on the rug a cat ran to the dog'.split(' ');
const vocab = [...new Set(words)];
const idOf = Object.fromEntries(vocab.map((w, i) => [w, i]));
const windows = words.slice(0, -4).map((_, i) => words.slice(i, i + 5).map((w) => idOf[w]));

const lm = createRnnLm({ vocabSize: vocab.length });
const opt = tf.train.adam(0.03);
for (let epoch = 0; epoch < 80; epoch++) {
  const loss = opt.minimize(() => sequenceLoss(lm, windows), true, lm.trainable);
  if (epoch % 20 === 0) console.log(`epoch ${epoch}: ${loss.dataSync()[0].toFixed(3)}`);
  loss.dispose();
}

for (const prefix of [['the', 'cat'], ['the', 'dog'], ['a', 'cat', 'sat', 'on', 'the']]) {
  const ids = suggest(lm, prefix.map((w) => idOf[w]));
  console.log(prefix.join(' '), '->', ids.map((i) => vocab[i]).join(' | '));
}
