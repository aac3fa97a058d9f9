// expect: none
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({
  layers: [
    tf.layers.simpleRNN({ units: 12, stateful: true, batchInputShape: [1, 15, 1] }),
    tf.layers.dense({ units: 2, activation: 'softmax' }),
  ],
});

export async function labelSignals(signals: tf.data.Dataset<tf.Tensor3D>): Promise<number[]> {
  const out: number[] = [];
  await signals.forEachAsync((signal) => {
    const probs = model.predict(signal) as tf.Tensor2D;
    out.push(probs.argMax(-1).dataSync()[0]);
    model.resetStates();
  });
  return out;
}
