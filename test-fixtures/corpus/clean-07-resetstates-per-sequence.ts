// expect: none
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.lstm({ units: 24, stateful: true, batchInputShape: [1, 20, 3] }));
model.add(tf.layers.dense({ units: 1 }));

export function scoreReviews(reviews: tf.Tensor3D[]): number[] {
  const scores: number[] = [];
  for (const review of reviews) {
    model.resetStates();
    const y = model.predict(review) as tf.Tensor;
    scores.push(y.dataSync()[0]);
  }
  return scores;
}
