// expect: none
// The encoder summary goes into the decoder's INPUT at every step (as context), while the
// decoder's own state starts from it and is threaded.
import * as tf from '@tensorflow/tfjs';

export function decode(decoder: tf.layers.RNNCell, tokens: tf.Tensor2D[], encoderFinal: tf.Tensor2D): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  let s: tf.Tensor = encoderFinal;
  for (let step = 0; step < tokens.length; step++) {
    const input = tf.concat([tokens[step], encoderFinal], 1);
    const [o, next] = decoder.call([input, s], {}) as tf.Tensor[];
    s = next;
    outs.push(o);
  }
  return outs;
}
