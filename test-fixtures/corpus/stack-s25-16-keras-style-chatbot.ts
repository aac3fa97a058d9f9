// expect: stacked-activation
// Keras-style seq2seq chatbot inference: encoder model gives [h, c], decoder model is stepped token by token with model.predict.
import * as tf from '@tensorflow/tfjs';

export const VOCAB = ['<pad>', '<s>', '</s>', 'hello', 'hi', 'there', 'how', 'are', 'you', 'fine', 'thanks', 'good', 'bye', 'see', 'ya'];
const EMB = 12;
const UNITS = 24;

export function buildModels() {
  const embedding = tf.layers.embedding({ inputDim: VOCAB.length, outputDim: EMB });

  const encIn = tf.input({ shape: [null], dtype: 'int32' });
  const encLstm = tf.layers.lstm({ units: UNITS, returnState: true });
  const [, encH, encC] = encLstm.apply(embedding.apply(encIn)) as tf.SymbolicTensor[];
  const encoder = tf.model({ inputs: encIn, outputs: [encH, encC] });

  const decIn = tf.input({ shape: [1], dtype: 'int32' });
  const hIn = tf.input({ shape: [UNITS] });
  const cIn = tf.input({ shape: [UNITS] });
  const decLstm = tf.layers.lstm({ units: UNITS, returnState: true });
  const [decOut, hOut, cOut] = decLstm.apply(embedding.apply(decIn), { initialState: [hIn, cIn] }) as tf.SymbolicTensor[];
  const probs = tf.layers.dense({ units: VOCAB.length, activation: 'softmax' }).apply(decOut) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: [decIn, hIn, cIn], outputs: [probs, hOut, cOut] });

  return { encoder, decoder };
}

function toIds(text: string): number[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => Math.max(0, VOCAB.indexOf(w)));
}

export function respond(
  models: { encoder: tf.LayersModel; decoder: tf.LayersModel },
  message: string,
  temperature = 0.6,
  maxLen = 10,
): string {
  const ids = toIds(message);
  let [h, c] = tf.tidy(() => models.encoder.predict(tf.tensor2d([ids], [1, ids.length], 'int32')) as tf.Tensor[]);
  let token = 1;
  const words: string[] = [];
  for (let t = 0; t < maxLen; t++) {
    const [next, hNext, cNext] = tf.tidy(() => {
      const [p, h2, c2] = models.decoder.predict([tf.tensor2d([[token]], [1, 1], 'int32'), h, c]) as tf.Tensor[];
      const dist = tf.softmax(tf.div(p, temperature)) as tf.Tensor2D;
      return [tf.multinomial(dist, 1, undefined, true), h2, c2];
    });
    tf.dispose([h, c]);
    h = hNext;
    c = cNext;
    token = next.dataSync()[0];
    next.dispose();
    if (token === 2) break;
    words.push(VOCAB[token]);
  }
  tf.dispose([h, c]);
  return words.join(' ');
}

if (require.main === module) {
  const models = buildModels();
  for (const msg of ['hello there', 'how are you', 'bye']) {
    console.log(`> ${msg}\n< ${respond(models, msg)}`);
  }
}
