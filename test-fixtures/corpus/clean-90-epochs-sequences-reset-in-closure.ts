// expect: none
import * as tf from '@tensorflow/tfjs';

const H = 10;
const cell = tf.layers.gruCell({ units: H });
cell.build([null, 4]);
const head = tf.layers.dense({ units: 1 });
const optimizer = tf.train.adam(0.003);

export function fit(dataset: { xs: tf.Tensor2D[]; y: tf.Tensor2D }[], epochs: number): void {
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { xs, y } of dataset) {
      optimizer.minimize(() => {
        let h: tf.Tensor = tf.zeros([1, H]);
        for (const x of xs) {
          [, h] = cell.call([x, h], {}) as tf.Tensor[];
        }
        return tf.losses.meanSquaredError(y, head.apply(h) as tf.Tensor) as tf.Scalar;
      });
    }
  }
}
