// expect: none
// Scores every possible continuation token from the same current state (one step each), to rank
// them; the state itself is advanced elsewhere, once the token is chosen.
import * as tf from '@tensorflow/tfjs';

export function rankContinuations(
  continuations: tf.Tensor2D[],
  h: tf.Tensor2D,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  score: (h: tf.Tensor2D) => number,
): number[] {
  const scores = Array.from(continuations, (c) => score(step(c, h)));
  return scores.map((s, i) => [s, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
}
