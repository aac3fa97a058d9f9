// expect: stacked-activation
// In-browser character-level name generator: a stateful GRU model stored in localStorage that samples one character per step.
import * as tf from '@tensorflow/tfjs';

const ALPHABET = '\nabcdefghijklmnopqrstuvwxyz-\' ';
const VOCAB = ALPHABET.length;
const MODEL_URL = 'localstorage://name-gru';

export function buildGenerator() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 96, stateful: true, batchInputShape: [1, 1, VOCAB] }));
  model.add(tf.layers.dense({ units: VOCAB, activation: 'softmax' }));
  return model;
}

export async function loadGenerator() {
  const trained = await tf.loadLayersModel(MODEL_URL);
  const model = buildGenerator();
  model.setWeights(trained.getWeights());
  trained.dispose();
  return model;
}

function sampleIndex(probs, temperature) {
  const scaled = probs.map((p) => Math.pow(p, 1 / temperature));
  const total = scaled.reduce((a, b) => a + b, 0);
  let r = Math.random() * total;
  for (let i = 0; i < scaled.length; i++) {
    r -= scaled[i];
    if (r <= 0) return i;
  }
  return scaled.length - 1;
}

export function generateName(model, prefix = '', temperature = 0.7, maxLen = 20) {
  model.resetStates();
  let chars = '\n' + prefix.toLowerCase();
  let nextProbs = null;

  for (const ch of chars) {
    nextProbs?.dispose();
    nextProbs = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([ALPHABET.indexOf(ch)], 'int32'), VOCAB).reshape([1, 1, VOCAB]);
      return tf.softmax(model.predict(x).squeeze());
    });
  }

  let name = prefix;
  while (name.length < maxLen) {
    const idx = sampleIndex(Array.from(nextProbs.dataSync()), temperature);
    if (ALPHABET[idx] === '\n') break;
    name += ALPHABET[idx];
    nextProbs.dispose();
    nextProbs = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([idx], 'int32'), VOCAB).reshape([1, 1, VOCAB]);
      return tf.softmax(model.predict(x).squeeze());
    });
  }
  nextProbs.dispose();
  return name;
}

export async function fillNameList(listEl, count = 10) {
  const model = await loadGenerator();
  const seen = JSON.parse(localStorage.getItem('generated-names') || '[]');
  for (let i = 0; i < count; i++) {
    const name = generateName(model, '', 0.8);
    if (seen.includes(name)) continue;
    seen.push(name);
    const li = document.createElement('li');
    li.textContent = name;
    listEl.appendChild(li);
  }
  localStorage.setItem('generated-names', JSON.stringify(seen.slice(-500)));
  console.log('tensors after generation:', tf.memory().numTensors);
}
