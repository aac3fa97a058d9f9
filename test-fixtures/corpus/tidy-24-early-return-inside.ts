// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function run(frames: (tf.Tensor2D | null)[], step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  for (const frame of frames) {
    tf.tidy(() => {
      if (frame === null) return;
      h = step(frame, h);
    });
  }
  return h;
}
