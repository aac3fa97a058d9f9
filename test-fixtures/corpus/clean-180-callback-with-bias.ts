// expect: none
// A per-frame transform supplied by the caller, applied with one shared bias tensor.
import * as tf from '@tensorflow/tfjs';

export function applyAll(
  frames: tf.Tensor2D[],
  addBias: (x: tf.Tensor2D, bias: tf.Tensor2D) => tf.Tensor2D,
  units: number,
): tf.Tensor2D[] {
  const bias = tf.zeros([1, units]) as tf.Tensor2D;
  return frames.map((f) => addBias(f, bias));
}
