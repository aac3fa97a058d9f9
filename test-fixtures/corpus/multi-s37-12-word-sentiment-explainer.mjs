// expect: stale-state, stacked-activation
// Explainer: shows how a GRU sentiment model's "positive" probability evolves word by word through a review.
import * as tf from '@tensorflow/tfjs';

const EMBED = 16;
const UNITS = 24;

export function buildSentimentModel(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ name: 'embedding', inputDim: vocabSize, outputDim: EMBED, inputShape: [null] }));
  model.add(tf.layers.gru({ name: 'gru', units: UNITS }));
  model.add(tf.layers.dense({ name: 'head', units: 1, activation: 'sigmoid' }));
  return model;
}

export async function loadExplainerParts(url, vocabSize) {
  const saved = await tf.loadLayersModel(url);
  const model = buildSentimentModel(vocabSize);
  model.setWeights(saved.getWeights());
  saved.dispose();
  const [kernel, recurrentKernel, bias] = model.getLayer('gru').getWeights();
  return { model, embedding: model.getLayer('embedding'), head: model.getLayer('head'), kernel, recurrentKernel, bias };
}

function gruStep({ kernel, recurrentKernel, bias }, x, h) {
  const [xz, xr, xh] = tf.split(x.matMul(kernel).add(bias), 3, 1);
  const [rkz, rkr, rkh] = tf.split(recurrentKernel, 3, 1);
  const z = tf.sigmoid(xz.add(h.matMul(rkz)));
  const r = tf.sigmoid(xr.add(h.matMul(rkr)));
  const hh = tf.tanh(xh.add(r.mul(h).matMul(rkh)));
  return z.mul(h).add(tf.sub(1, z).mul(hh));
}

export function wordByWord(parts, tokenIds) {
  return tf.tidy(() => {
    const embedded = parts.embedding.apply(tf.tensor2d([tokenIds], undefined, 'int32'));
    const words = tf.unstack(embedded.reshape([tokenIds.length, EMBED]));
    const h0 = tf.zeros([1, UNITS]);
    const probs = [];
    for (const w of words) {
      const h = gruStep(parts, w.reshape([1, EMBED]), h0);
      const p = tf.sigmoid(parts.head.apply(h));
      probs.push(p.dataSync()[0]);
    }
    return probs;
  });
}

export function tokenize(text, vocab) {
  return text.toLowerCase().match(/[a-z']+/g)?.map((w) => vocab[w] ?? 1) ?? [];
}

export function render(container, words, probs) {
  container.replaceChildren(
    ...words.map((w, i) => {
      const span = document.createElement('span');
      const p = probs[i];
      span.textContent = `${w} `;
      span.title = `P(positive) = ${p.toFixed(3)}`;
      span.style.background = `rgba(${Math.round(255 * (1 - p))}, ${Math.round(255 * p)}, 80, 0.35)`;
      return span;
    }),
  );
}

export async function main() {
  const vocab = await (await fetch('/models/sentiment/vocab.json')).json();
  const parts = await loadExplainerParts('/models/sentiment/model.json', Object.keys(vocab).length + 2);
  const textarea = document.querySelector('#review');
  const out = document.querySelector('#explain');
  const update = () => {
    const words = textarea.value.toLowerCase().match(/[a-z']+/g) ?? [];
    if (words.length === 0) return;
    render(out, words, wordByWord(parts, tokenize(textarea.value, vocab)));
  };
  textarea.addEventListener('input', update);
  update();
}
