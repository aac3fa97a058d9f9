// expect: none
// Stateful GRU trained with trainOnBatch one chunk at a time: chunks of the same sequence share state, and model.resetStates() runs before every new sequence (also at predict time).
import * as tf from '@tensorflow/tfjs';

export function buildStatefulModel(chunkLen, features) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 48, stateful: true, returnSequences: true, batchInputShape: [1, chunkLen, features] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: features }) }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

export async function trainStateful(model, sequences, chunkLen, epochs = 10) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    let n = 0;
    for (const seq of sequences) {
      model.resetStates();
      for (let s = 0; s + chunkLen + 1 <= seq.length; s += chunkLen) {
        const xs = tf.tensor3d([seq.slice(s, s + chunkLen)]);
        const ys = tf.tensor3d([seq.slice(s + 1, s + chunkLen + 1)]);
        const loss = await model.trainOnBatch(xs, ys);
        total += Array.isArray(loss) ? loss[0] : loss;
        n++;
        tf.dispose([xs, ys]);
      }
    }
    console.log(`epoch ${epoch}: ${(total / Math.max(n, 1)).toFixed(5)}`);
  }
}

export function forecast(model, seq, chunkLen) {
  model.resetStates();
  let last = null;
  for (let s = 0; s + chunkLen <= seq.length; s += chunkLen) {
    if (last) last.dispose();
    last = tf.tidy(() => model.predict(tf.tensor3d([seq.slice(s, s + chunkLen)])));
  }
  return last;
}
