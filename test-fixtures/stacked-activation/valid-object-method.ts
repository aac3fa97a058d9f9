import * as tf from '@tensorflow/tfjs';

export class CharDecoder {
  readonly Wo = tf.variable(tf.randomNormal([16, 40]));
  readonly bo = tf.variable(tf.zeros([40]));

  // Logits: the sampler applies the one softmax, after the temperature.
  logits(h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(h, this.Wo).add(this.bo);
  }

  probabilities(h: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(this.logits(h));
  }
}

export class SharpDecoder extends CharDecoder {
  // An override that returns logits: a `CharDecoder` parameter may hold either.
  override probabilities(h: tf.Tensor2D): tf.Tensor2D {
    return this.logits(h).mul(2);
  }
}

export function sampleChar(dec: CharDecoder, h: tf.Tensor2D, temperature: number): tf.Tensor {
  return tf.softmax(dec.logits(h).div(temperature));
}

export function sharpen(dec: CharDecoder, h: tf.Tensor2D): tf.Tensor {
  return tf.softmax(dec.probabilities(h));
}

// The correct sampler on probabilities: the log first.
export function resample(dec: CharDecoder, h: tf.Tensor2D, temperature: number): tf.Tensor {
  const local = new CharDecoder();
  return tf.softmax(tf.log(dec.probabilities(h)).div(temperature)).add(tf.softmax(local.logits(h)));
}
