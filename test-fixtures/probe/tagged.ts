// Sizes and extra arguments given by the @probe tag; args are JavaScript expressions evaluated beside
// the cell (here they build the weights object the step takes).
import * as tf from '@tensorflow/tfjs';

function makeWeights(inputSize: number, units: number) {
  return {
    Wx: tf.randomNormal([inputSize, units], 0, 0.3),
    Wh: tf.randomNormal([units, units], 0, 0.3),
  };
}

/** @probe {"inputSize": 5, "steps": 12, "args": [makeWeights(5, 7), 0.5]} */
export function leakyStep(x: tf.Tensor2D, h: tf.Tensor2D, weights: ReturnType<typeof makeWeights>, leak: number): tf.Tensor2D {
  return tf.tidy(() => {
    const candidate = tf.tanh(tf.matMul(x, weights.Wx).add(tf.matMul(h, weights.Wh)));
    return h.mul(leak).add(candidate.mul(1 - leak)) as tf.Tensor2D;
  });
}
