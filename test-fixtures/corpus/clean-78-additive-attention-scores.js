// expect: none
import * as tf from '@tensorflow/tfjs';

// scores = v . tanh(W1 q + W2 k): a sum over a product sits between the tanh and the softmax.
export function attentionWeights(query, keys, W1, W2, v) {
  const energy = tf.tanh(tf.add(query.matMul(W1).expandDims(1), keys.matMul(W2)));
  const scores = tf.sum(energy.mul(v), -1);
  return tf.softmax(scores);
}
