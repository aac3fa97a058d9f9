// expect: none
// The zero initial state is created once outside the closure; the whole unroll is inside it.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const cell = tf.layers.gruCell({ units: H });
cell.build([null, 2]);
const readout = tf.layers.dense({ units: 1 });
const optimizer = tf.train.adam(1e-3);
const h0 = tf.zeros([1, H]);

export function trainStep(xs: tf.Tensor2D[], ys: tf.Tensor2D[]): number {
  const cost = optimizer.minimize(() => {
    let h: tf.Tensor = h0;
    let loss: tf.Tensor = tf.scalar(0);
    for (let t = 0; t < xs.length; t++) {
      const [out, next] = cell.call([xs[t], h], {}) as tf.Tensor[];
      loss = loss.add(tf.losses.meanSquaredError(ys[t], readout.apply(out) as tf.Tensor));
      h = next;
    }
    return loss.div(xs.length) as tf.Scalar;
  }, true);
  return cost!.dataSync()[0];
}
