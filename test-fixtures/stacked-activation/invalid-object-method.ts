import * as tf from '@tensorflow/tfjs';

export class CharDecoder {
  readonly Wo = tf.variable(tf.randomNormal([16, 40]));
  readonly bo = tf.variable(tf.zeros([40]));

  distribution(h: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(tf.matMul(h, this.Wo).add(this.bo));
  }
}

// The decoder is a typed parameter: its `distribution` already returns probabilities.
export function sampleChar(dec: CharDecoder, h: tf.Tensor2D, temperature: number): tf.Tensor {
  const dist = dec.distribution(h);
  return tf.softmax(dist.div(temperature));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function greedy(h: tf.Tensor2D): tf.Tensor {
  const local = new CharDecoder();
  return tf.sigmoid(local.distribution(h)).argMax(-1);
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}
