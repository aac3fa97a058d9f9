// A stateful LSTM fed the consecutive windows of the same streams, batch after batch: the state
// flows from one window to the next on purpose, and is reset before each pass over the streams.
import * as tf from '@tensorflow/tfjs';

const STREAMS = 4;
const WINDOW = 10;
const WINDOWS_PER_STREAM = 6;
const CHUNKS_PER_SEQ = 3;

const model = tf.sequential();
model.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [STREAMS, WINDOW, 1] }));
model.add(tf.layers.dense({ units: 1 }));
model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });

export function forecast(windowAt) {
  model.resetStates();
  let last = null;
  for (let w = 0; w < WINDOWS_PER_STREAM; w++) {
    const batch = windowAt(w);
    if (last) last.dispose();
    last = model.predict(batch);
    batch.dispose();
  }
  return last;
}

export async function trainSequences(sequenceBatches) {
  for (const { xs, ys } of sequenceBatches) {
    model.resetStates();
    for (let k = 0; k < CHUNKS_PER_SEQ; k++) {
      const xChunk = xs.slice([0, k * WINDOW, 0], [STREAMS, WINDOW, 1]);
      const yChunk = ys.slice([0, k, 0], [STREAMS, 1, 1]).reshape([STREAMS, 1]);
      await model.trainOnBatch(xChunk, yChunk);
      tf.dispose([xChunk, yChunk]);
    }
  }
}
