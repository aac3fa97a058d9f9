// expect: none
import * as tf from '@tensorflow/tfjs';

const units = 6;
const back = tf.layers.gruCell({ units });
back.build([null, 3]);

export function backwardPass(xs: tf.Tensor2D[]): tf.Tensor[] {
  let carry: tf.Tensor = tf.zeros([1, units]);
  const outs: tf.Tensor[] = new Array(xs.length);
  for (let t = xs.length - 1; t >= 0; t--) {
    const [y, next] = back.call([xs[t], carry], {}) as tf.Tensor[];
    outs[t] = y;
    carry = next;
  }
  return outs;
}
