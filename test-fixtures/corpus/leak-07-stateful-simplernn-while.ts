// expect: state-leak
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({
  layers: [
    tf.layers.simpleRNN({ units: 12, stateful: true, batchInputShape: [1, 15, 1], returnSequences: false }),
    tf.layers.dense({ units: 2, activation: 'softmax' }),
  ],
});

export async function labelSignals(signals: tf.Tensor3D[]): Promise<number[]> {
  const out: number[] = [];
  let i = 0;
  while (i < signals.length) {
    const probs = model.predict(signals[i]) as tf.Tensor2D;
    out.push((await probs.argMax(-1).data())[0]);
    i++;
  }
  return out;
}
