// expect: bptt-cut
// Article, family (c) gradient flow: a recurrent autoencoder that did not backpropagate through the
// whole unrolled sequence. The encoder runs before the gradient tape starts, so only the decoder
// (and none of the encoder's recurrence) learns from the reconstruction loss.
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
  let h: tf.Tensor2D = tf.zeros([sequence[0].shape[0], hiddenSize]);
  for (const x of sequence) {
    h = encoderStep(x, h);
  }
  const loss = optimizer.minimize(() => {
    const recon = decoder.apply(h) as tf.Tensor2D;
    return tf.losses.meanSquaredError(sequence[sequence.length - 1], recon) as tf.Scalar;
  }, true);
  return loss!.dataSync()[0];
}
