// expect: none
// Every frame is padded with the same zero block; nothing recurrent here.
import * as tf from '@tensorflow/tfjs';

function padRight(frame: tf.Tensor2D, pad: tf.Tensor2D): tf.Tensor2D {
  return tf.concat([frame, pad], 1) as tf.Tensor2D;
}

export function padAll(frames: tf.Tensor2D[], width: number): tf.Tensor2D[] {
  const zeroPad = tf.zeros([1, width]) as tf.Tensor2D;
  const out: tf.Tensor2D[] = [];
  for (const frame of frames) {
    out.push(padRight(frame, zeroPad));
  }
  return out;
}
