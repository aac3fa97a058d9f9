// expect: bptt-cut
// On-device fine-tuning of the search-intent classifier from the user's own labelled queries ("Teach" button).
import * as tf from '@tensorflow/tfjs';

const CHARS = 'abcdefghijklmnopqrstuvwxyz ';
const H = 24;
const MAX_LEN = 20;
export const INTENTS = ['navigate', 'buy', 'learn', 'support'];

export function createClassifier(seed = 90) {
  return {
    Wx: tf.variable(tf.randomNormal([CHARS.length, H], 0, 0.3, 'float32', seed), true, 'intent/Wx'),
    Wh: tf.variable(tf.randomNormal([H, H], 0, 0.3, 'float32', seed + 1), true, 'intent/Wh'),
    bh: tf.variable(tf.zeros([H]), true, 'intent/bh'),
    Wy: tf.variable(tf.randomNormal([H, INTENTS.length], 0, 0.3, 'float32', seed + 2), true, 'intent/Wy'),
    by: tf.variable(tf.zeros([INTENTS.length]), true, 'intent/by'),
  };
}

function toIds(query) {
  const ids = Array.from(query.toLowerCase()).map((c) => CHARS.indexOf(c)).filter((i) => i >= 0).slice(0, MAX_LEN);
  while (ids.length < MAX_LEN) ids.unshift(CHARS.length - 1);
  return ids;
}

export function encodeBatch(p, queries) {
  const ids = tf.tensor2d(queries.map(toIds), [queries.length, MAX_LEN], 'int32');
  const onehot = tf.oneHot(ids, CHARS.length).toFloat();
  let h = tf.zeros([queries.length, H]);
  for (let t = 0; t < MAX_LEN; t++) {
    const xt = onehot.slice([0, t, 0], [-1, 1, -1]).squeeze([1]);
    h = tf.tanh(xt.matMul(p.Wx).add(h.matMul(p.Wh)).add(p.bh));
  }
  return h;
}

export function predict(p, query) {
  return tf.tidy(() => {
    const probs = tf.softmax(encodeBatch(p, [query]).matMul(p.Wy).add(p.by)).dataSync();
    return INTENTS[probs.indexOf(Math.max(...probs))];
  });
}

export async function teach(p, examples, { epochs = 20, lr = 0.05, onProgress = () => {} } = {}) {
  const optimizer = tf.train.adam(lr);
  const labels = tf.oneHot(tf.tensor1d(examples.map((e) => INTENTS.indexOf(e.intent)), 'int32'), INTENTS.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lossValue = tf.tidy(() => {
      const features = encodeBatch(p, examples.map((e) => e.query));
      const { value, grads } = tf.variableGrads(() => {
        const logits = features.matMul(p.Wy).add(p.by);
        return tf.losses.softmaxCrossEntropy(labels, logits);
      });
      optimizer.applyGradients(grads);
      return value.dataSync()[0];
    });
    onProgress(epoch, lossValue);
    await tf.nextFrame();
  }
  labels.dispose();
  optimizer.dispose();
}

export function mountTeachPanel(root, model) {
  const rows = [];
  root.querySelector('#add-example').addEventListener('click', () => {
    const q = root.querySelector('#example-query').value.trim();
    const intent = root.querySelector('#example-intent').value;
    if (q && INTENTS.includes(intent)) rows.push({ query: q, intent });
  });
  root.querySelector('#teach').addEventListener('click', async () => {
    const status = root.querySelector('#teach-status');
    await teach(model, rows, { onProgress: (e, l) => { status.textContent = `epoch ${e + 1}: ${l.toFixed(3)}`; } });
    status.textContent = `learned from ${rows.length} examples`;
  });
}
