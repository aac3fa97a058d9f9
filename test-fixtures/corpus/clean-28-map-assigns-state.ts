// expect: none
import * as tf from '@tensorflow/tfjs';

const units = 10;
const lstm = tf.layers.lstmCell({ units });
lstm.build([null, 3]);

export function unroll(xs: tf.Tensor2D[]): tf.Tensor[] {
  let h: tf.Tensor = tf.zeros([1, units]);
  let c: tf.Tensor = tf.zeros([1, units]);
  return xs.map((x) => {
    const [out, hNext, cNext] = lstm.call([x, h, c], {}) as tf.Tensor[];
    h = hNext;
    c = cNext;
    return out;
  });
}
