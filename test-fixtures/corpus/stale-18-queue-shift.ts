// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function drain(queue: tf.Tensor2D[], step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, units: number): tf.Tensor2D[] {
  const h0 = tf.zeros([1, units]) as tf.Tensor2D;
  const states: tf.Tensor2D[] = [];
  while (queue.length > 0) {
    const frame = queue.shift()!;
    states.push(step(frame, h0));
  }
  return states;
}
