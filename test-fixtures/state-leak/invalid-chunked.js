// A stateful model fed each review in chunks: the state should flow from chunk to chunk of one
// review, and be reset between reviews. It never is.
import * as tf from '@tensorflow/tfjs';

export function buildScorer() {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: 5000, outputDim: 32, batchInputShape: [1, 50] }));
  model.add(tf.layers.lstm({ units: 32, stateful: true }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export async function scoreReviews(model, reviews) {
  const scores = [];
  for (const review of reviews) {
    let score = 0.5;
    for (const chunk of review.chunks) {
      const y = model.predict(tf.tensor2d([chunk], [1, 50], 'int32'));
//              ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
      score = (await y.data())[0];
    }
    scores.push(score);
  }
  return scores;
}

export async function main(reviews) {
  return scoreReviews(buildScorer(), reviews);
}
