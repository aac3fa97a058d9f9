// expect: none
// Each embedding is compared with one fixed baseline vector.
import * as tf from '@tensorflow/tfjs';

function distance(x, reference) {
  return tf.tidy(() => tf.norm(tf.sub(x, reference)).dataSync()[0]);
}

export function distancesFromOrigin(embeddings, dim) {
  const origin = tf.zeros([1, dim]);
  return embeddings.map((e) => distance(e, origin));
}
