// expect: state-leak
import * as tf from '@tensorflow/tfjs';

// Fine-tunes a stateful char model on several unrelated texts, one after the other; the state at
// the end of one text is where the next text starts.
export async function fineTune(model, texts, encode) {
  for (const text of texts) {
    const { xs, ys } = encode(text);
    await model.fit(xs, ys, { epochs: 1, batchSize: 1, shuffle: false });
  }
}

export function buildCharModel(vocab) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, stateful: true, batchInputShape: [1, 10, vocab] }));
  model.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}
