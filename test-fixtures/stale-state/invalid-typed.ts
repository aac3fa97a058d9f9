// A cell known only by its type: the decoder receives the encoder's state at every step.
import * as tf from '@tensorflow/tfjs';

export function decode(decoder: tf.layers.RNNCell, tokens: tf.Tensor2D[], encoderFinal: tf.Tensor): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  for (let step = 0; step < tokens.length; step++) {
    const [o] = decoder.call([tokens[step]!, encoderFinal], {}) as tf.Tensor[];
//                                           ~~~~~~~~~~~~ stale-state
    outs.push(o!);
  }
  return outs;
}

// Scoring alternatives for ONE next step from the same state is not stale (a fan-out).
export function rankContinuations(continuations: tf.Tensor2D[], h: tf.Tensor, cell: tf.layers.RNNCell): number[] {
  return Array.from(continuations, (c) => ((cell.call([c, h], {}) as tf.Tensor[])[0]!).sum().dataSync()[0]!);
}
