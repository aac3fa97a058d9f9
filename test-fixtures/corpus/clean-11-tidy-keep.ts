// expect: none
import * as tf from '@tensorflow/tfjs';

const units = 6;
const cell = tf.layers.gruCell({ units });
cell.build([null, 3]);

export function encode(frames: tf.Tensor2D[]): tf.Tensor {
  let h: tf.Tensor = tf.zeros([1, units]);
  for (const x of frames) {
    const prev = h;
    tf.tidy(() => {
      const [, next] = cell.call([x, prev], {}) as tf.Tensor[];
      h = tf.keep(next);
    });
    prev.dispose();
  }
  return h;
}
