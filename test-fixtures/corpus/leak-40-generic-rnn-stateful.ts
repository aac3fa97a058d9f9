// expect: state-leak
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({
  layers: [
    tf.layers.rnn({ cell: tf.layers.gruCell({ units: 12 }), stateful: true, batchInputShape: [1, 40, 50] }),
    tf.layers.dense({ units: 2, activation: 'softmax' }),
  ],
});

export function sentiment(tweets: tf.Tensor3D[]): number[] {
  const labels: number[] = [];
  for (const tweet of tweets) {
    labels.push((model.predict(tweet) as tf.Tensor).argMax(-1).dataSync()[0]);
  }
  return labels;
}
