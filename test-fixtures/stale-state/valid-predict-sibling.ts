// A one-step stepper model primed on a seed, then scoring several continuations, each from the
// primed state: the loop over continuations restarts from it on purpose.
import * as tf from '@tensorflow/tfjs';

export function scoreContinuations(stepper: tf.LayersModel, seed: number[], continuations: number[][], units: number): number[] {
  let h: tf.Tensor = tf.zeros([1, units]);
  for (const id of seed) {
    const x = tf.oneHot([id], 40).expandDims(0);
    const [, hNext] = stepper.predict([x, h]) as tf.Tensor[];
    h = hNext!;
  }
  const primed = h;
  const scores: number[] = [];
  for (const sequence of continuations) {
    const first = tf.oneHot([sequence[0]!], 40).expandDims(0);
    const [probs] = stepper.predict([first, primed]) as tf.Tensor[];
    scores.push(probs!.max().dataSync()[0] ?? 0);
  }
  return scores;
}
