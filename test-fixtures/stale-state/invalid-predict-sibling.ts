// Samples text from a one-step stepper model (inputs: a character and the GRU state).
import * as tf from '@tensorflow/tfjs';

export function sample(stepper: tf.LayersModel, seed: number[], length: number, units: number): number[] {
  let h: tf.Tensor = tf.zeros([1, units]);
  for (const id of seed) {
    const x = tf.oneHot([id], 40).expandDims(0);
    const [, hNext] = stepper.predict([x, h]) as tf.Tensor[];
    h = hNext!;
  }
  const primed = h;
  const out: number[] = [];
  let current = seed[seed.length - 1]!;
  for (let i = 0; i < length; i++) {
    const x = tf.oneHot([current], 40).expandDims(0);
    const [probs, hNext] = stepper.predict([x, primed]) as tf.Tensor[];
    //                                         ~~~~~~ stale-state
    current = (probs!.argMax(-1).dataSync()[0] ?? 0);
    out.push(current);
    h = hNext!;
  }
  return out;
}
