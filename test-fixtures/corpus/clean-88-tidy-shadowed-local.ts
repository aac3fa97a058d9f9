// expect: none
// The callback declares its own `h`; the outer `h` is only reassigned from tidy's return value.
import * as tf from '@tensorflow/tfjs';

const units = 4;
const cell = tf.layers.simpleRNNCell({ units });
cell.build([null, 2]);

export function run(xs: tf.Tensor2D[]): tf.Tensor {
  let h: tf.Tensor = tf.zeros([1, units]);
  for (const x of xs) {
    const prev = h;
    h = tf.tidy(() => {
      let h = cell.call([x, prev], {}) as tf.Tensor[];
      h = h.slice(1);
      return h[0];
    });
    prev.dispose();
  }
  return h;
}
