// expect: none
// Article, family (c), corrected: the whole unroll happens inside the closure that
// optimizer.minimize differentiates, so the gradient flows back through every step.
import * as tf from '@tensorflow/tfjs';

const featureSize = 10;
const hiddenSize = 20;

const encIh = tf.layers.dense({ units: hiddenSize, inputShape: [featureSize] });
const encHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize], useBias: false });
const decoder = tf.layers.dense({ units: featureSize, inputShape: [hiddenSize] });
const optimizer = tf.train.adam(0.001);

function encoderStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(encIh.apply(x) as tf.Tensor2D, encHh.apply(h) as tf.Tensor2D)) as tf.Tensor2D;
}

export function trainStep(sequence: tf.Tensor2D[]): number {
  const loss = optimizer.minimize(() => {
    let h: tf.Tensor2D = tf.zeros([sequence[0].shape[0], hiddenSize]);
    for (const x of sequence) {
      h = encoderStep(x, h);
    }
    const recon = decoder.apply(h) as tf.Tensor2D;
    return tf.losses.meanSquaredError(sequence[sequence.length - 1], recon) as tf.Scalar;
  }, true);
  return loss!.dataSync()[0];
}
