// expect: stacked-activation
// Char-level LSTM language model whose head already ends in softmax; the sampler applies tf.softmax again to the probabilities divided by the temperature.
import * as tf from '@tensorflow/tfjs';

const SEQ_LEN = 20;

export function buildCharModel(vocabSize, units = 128) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 24, inputLength: SEQ_LEN }));
  model.add(tf.layers.lstm({ units, returnSequences: false }));
  model.add(tf.layers.dense({ units: vocabSize, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'categoricalCrossentropy' });
  return model;
}

export function makeTrainingSet(text, charToId) {
  const xs = [];
  const ys = [];
  for (let i = 0; i + SEQ_LEN < text.length; i += 3) {
    xs.push([...text.slice(i, i + SEQ_LEN)].map((ch) => charToId.get(ch)));
    ys.push(charToId.get(text[i + SEQ_LEN]));
  }
  return {
    x: tf.tensor2d(xs, [xs.length, SEQ_LEN], 'int32'),
    y: tf.oneHot(tf.tensor1d(ys, 'int32'), charToId.size),
  };
}

/**
 * Picks the next character id. Lower temperature = more conservative text.
 * @param {tf.LayersModel} model
 * @param {number[]} context last SEQ_LEN ids
 * @param {number} temperature
 */
function sampleNext(model, context, temperature) {
  return tf.tidy(() => {
    const input = tf.tensor2d([context], [1, SEQ_LEN], 'int32');
    const probs = /** @type {tf.Tensor2D} */ (model.predict(input));
    const sharpened = tf.softmax(tf.div(probs, temperature));
    const choice = tf.multinomial(sharpened, 1, undefined, true);
    return choice.dataSync()[0];
  });
}

export function generate(model, seedText, charToId, idToChar, length = 200, temperature = 0.6) {
  const context = [...seedText.slice(-SEQ_LEN)].map((ch) => charToId.get(ch) ?? 0);
  while (context.length < SEQ_LEN) context.unshift(0);
  let out = '';
  for (let i = 0; i < length; i++) {
    const id = sampleNext(model, context, temperature);
    out += idToChar[id];
    context.shift();
    context.push(id);
  }
  return out;
}

export async function trainAndSample(text) {
  const chars = [...new Set(text)].sort();
  const charToId = new Map(chars.map((c, i) => [c, i]));
  const model = buildCharModel(chars.length);
  const { x, y } = makeTrainingSet(text, charToId);
  await model.fit(x, y, {
    epochs: 10,
    batchSize: 64,
    callbacks: {
      onEpochEnd: (epoch, logs) => console.log(`epoch ${epoch}: loss=${logs.loss.toFixed(3)}`),
    },
  });
  x.dispose();
  y.dispose();
  return generate(model, text.slice(0, SEQ_LEN), charToId, chars);
}
