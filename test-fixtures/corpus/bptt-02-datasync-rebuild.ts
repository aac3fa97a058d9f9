// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

const H = 8;
const cell = tf.layers.gruCell({ units: H });
cell.build([null, 2]);
const readout = tf.layers.dense({ units: 1 });
const optimizer = tf.train.adam(1e-3);

export function trainStep(xs: tf.Tensor2D[], ys: tf.Tensor2D[]): void {
  optimizer.minimize(() => {
    let h: tf.Tensor = tf.zeros([1, H]);
    let loss: tf.Tensor = tf.scalar(0);
    for (let t = 0; t < xs.length; t++) {
      const [out, next] = cell.call([xs[t], h], {}) as tf.Tensor[];
      loss = loss.add(tf.losses.meanSquaredError(ys[t], readout.apply(out) as tf.Tensor));
      // Copying the state through JS arrays detaches it from the tape every step.
      h = tf.tensor(next.arraySync() as number[][]);
    }
    return loss as tf.Scalar;
  });
}
