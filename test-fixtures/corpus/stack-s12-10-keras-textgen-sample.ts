// expect: stacked-activation
// The Keras lstm_text_generation example in tfjs: train on overlapping windows, then sample with a few temperatures.
import * as tf from '@tensorflow/tfjs';

const text = 'the quick brown fox jumps over the lazy dog. the lazy dog sleeps. the fox runs away. '.repeat(3);
const chars = Array.from(new Set(text)).sort();
const char_indices = new Map(chars.map((c, i) => [c, i] as [string, number]));
const maxlen = 10;
const step = 3;

function vectorize(): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const sentences: string[] = [];
  const next_chars: string[] = [];
  for (let i = 0; i < text.length - maxlen; i += step) {
    sentences.push(text.slice(i, i + maxlen));
    next_chars.push(text[i + maxlen]);
  }
  const x = tf.buffer([sentences.length, maxlen, chars.length]);
  const y = tf.buffer([sentences.length, chars.length]);
  sentences.forEach((sentence, i) => {
    Array.from(sentence).forEach((ch, t) => x.set(1, i, t, char_indices.get(ch)!));
    y.set(1, i, char_indices.get(next_chars[i])!);
  });
  return { x: x.toTensor() as tf.Tensor3D, y: y.toTensor() as tf.Tensor2D };
}

export function buildModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 64, inputShape: [maxlen, chars.length] }));
  model.add(tf.layers.dense({ units: chars.length, activation: 'softmax' }));
  model.compile({ loss: 'categoricalCrossentropy', optimizer: tf.train.rmsprop(0.01) });
  return model;
}

// helper function to sample an index from a probability array
export function sample(preds: tf.Tensor1D, temperature = 1.0): number {
  return tf.tidy(() => {
    const scaled = tf.softmax(preds.div(temperature));
    const probs = scaled.dataSync();
    let r = Math.random();
    for (let i = 0; i < probs.length; i++) {
      r -= probs[i];
      if (r <= 0) return i;
    }
    return probs.length - 1;
  });
}

function encodeSentence(sentence: string): tf.Tensor3D {
  const buf = tf.buffer([1, maxlen, chars.length]);
  Array.from(sentence).forEach((ch, t) => buf.set(1, 0, t, char_indices.get(ch) ?? 0));
  return buf.toTensor() as tf.Tensor3D;
}

export function generate(model: tf.LayersModel, seed: string, n: number, temperature: number): string {
  let sentence = seed.slice(-maxlen);
  let generated = seed;
  for (let i = 0; i < n; i++) {
    const next_index = tf.tidy(() => {
      const preds = (model.predict(encodeSentence(sentence)) as tf.Tensor2D).squeeze([0]) as tf.Tensor1D;
      return sample(preds, temperature);
    });
    const next_char = chars[next_index];
    generated += next_char;
    sentence = sentence.slice(1) + next_char;
  }
  return generated;
}

async function main(): Promise<void> {
  const { x, y } = vectorize();
  const model = buildModel();
  await model.fit(x, y, {
    batchSize: 32,
    epochs: 15,
    verbose: 0,
    callbacks: { onEpochEnd: async (epoch, logs) => { if (epoch % 5 === 0) console.log(`epoch ${epoch} loss ${logs?.loss.toFixed(4)}`); } },
  });
  const start = Math.floor(Math.random() * (text.length - maxlen - 1));
  const seed = text.slice(start, start + maxlen);
  for (const diversity of [0.2, 0.5, 1.0]) {
    console.log(`----- diversity: ${diversity}`);
    console.log(generate(model, seed, 40, diversity));
  }
}

main();
