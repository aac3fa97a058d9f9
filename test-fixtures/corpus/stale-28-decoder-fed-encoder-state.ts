// expect: stale-state
// The decoder gets the encoder's final state in its STATE slot at every step, so its own state
// never advances.
import * as tf from '@tensorflow/tfjs';

export function decode(decoder: tf.layers.RNNCell, tokens: tf.Tensor2D[], encoderFinal: tf.Tensor): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  for (let step = 0; step < tokens.length; step++) {
    const [o] = decoder.call([tokens[step], encoderFinal], {}) as tf.Tensor[];
    outs.push(o);
  }
  return outs;
}
