// expect: stacked-activation
// Intent classifier for a chat widget: LSTM over word ids, then ranks the intents for the incoming utterance.
import * as tf from '@tensorflow/tfjs';

export const INTENTS = ['greeting', 'billing', 'cancel', 'bug_report', 'other'];

export function buildModel(vocabSize, maxLen) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 16, inputLength: maxLen, maskZero: true,
    embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 1 }) }));
  model.add(tf.layers.lstm({ units: 24, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 3 }) }));
  model.add(tf.layers.dense({ units: INTENTS.length, activation: 'sigmoid',
    kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
}

export function tokenize(text, vocab, maxLen) {
  const ids = text.toLowerCase().split(/\W+/).filter(Boolean).map((w) => vocab.get(w) ?? 1);
  const padded = ids.slice(0, maxLen);
  while (padded.length < maxLen) padded.unshift(0);
  return padded;
}

export function rankIntents(model, text, vocab, maxLen) {
  return tf.tidy(() => {
    const x = tf.tensor2d([tokenize(text, vocab, maxLen)], undefined, 'int32');
    const logits = model.predict(x);
    const probs = tf.softmax(logits).dataSync();
    return INTENTS.map((name, i) => ({ name, p: probs[i] })).sort((a, b) => b.p - a.p);
  });
}

export async function fitDemo(model, vocab, maxLen, samples) {
  const xs = tf.tensor2d(samples.map((s) => tokenize(s.text, vocab, maxLen)), undefined, 'int32');
  const ys = tf.tensor2d(samples.map((s) => INTENTS.map((name) => (s.intents.includes(name) ? 1 : 0))));
  await model.fit(xs, ys, { epochs: 10, verbose: 0 });
  tf.dispose([xs, ys]);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const words = ['hi', 'hello', 'invoice', 'charge', 'cancel', 'account', 'crash', 'error', 'app', 'my'];
  const vocab = new Map(words.map((w, i) => [w, i + 2]));
  const maxLen = 6;
  const model = buildModel(words.length + 2, maxLen);
  await fitDemo(model, vocab, maxLen, [
    { text: 'hi hello', intents: ['greeting'] },
    { text: 'invoice charge my account', intents: ['billing'] },
    { text: 'cancel my account', intents: ['cancel', 'billing'] },
    { text: 'app crash error', intents: ['bug_report'] },
  ]);
  console.log(rankIntents(model, 'cancel my invoice', vocab, maxLen));
}
