// expect: unused-hidden-state
// Web worker that runs a small character-level RNN off the main thread and posts back next-char probabilities.
import * as tf from '@tensorflow/tfjs';

let weights = null;
let hidden = null;

function initWeights(vocabSize, hiddenSize, seed) {
  return {
    Wx: tf.variable(tf.randomNormal([vocabSize, hiddenSize], 0, 0.3, 'float32', seed)),
    Wh: tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.3, 'float32', seed + 1)),
    bh: tf.variable(tf.zeros([hiddenSize])),
    Wy: tf.variable(tf.randomNormal([hiddenSize, vocabSize], 0, 0.3, 'float32', seed + 2)),
    by: tf.variable(tf.zeros([vocabSize])),
  };
}

function rnnStep(w, xOneHot, h) {
  return tf.tidy(() => {
    const terms = [tf.matMul(xOneHot, w.Wx), tf.matMul(h, w.Wh), w.bh];
    const pre = terms[0].add(terms[2]);
    const hNext = tf.tanh(pre);
    const logits = tf.matMul(hNext, w.Wy).add(w.by);
    return { probs: tf.softmax(logits), h: hNext };
  });
}

function encode(charIndex, vocabSize) {
  return tf.oneHot(tf.tensor1d([charIndex], 'int32'), vocabSize).toFloat();
}

async function handleFeed(msg) {
  const { indices, vocabSize } = msg;
  const results = [];
  for (const idx of indices) {
    const x = encode(idx, vocabSize);
    const { probs, h } = rnnStep(weights, x, hidden);
    x.dispose();
    hidden.dispose();
    hidden = h;
    results.push(Array.from(await probs.data()));
    probs.dispose();
  }
  return results;
}

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      weights = initWeights(msg.vocabSize, msg.hiddenSize, msg.seed || 7);
      hidden = tf.zeros([1, msg.hiddenSize]);
      self.postMessage({ type: 'ready' });
    } else if (msg.type === 'reset') {
      if (hidden) hidden.dispose();
      hidden = tf.zeros([1, msg.hiddenSize]);
      self.postMessage({ type: 'reset-done' });
    } else if (msg.type === 'feed') {
      const probs = await handleFeed(msg);
      self.postMessage({ type: 'probs', probs });
    }
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err) });
  }
};

export { rnnStep, initWeights };
