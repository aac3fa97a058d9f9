// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

const H = 10;
const cell = tf.layers.simpleRNNCell({ units: H });
cell.build([null, 3]);
const head = tf.layers.dense({ units: 1 });
const opt = tf.train.sgd(0.01);

export function train(xs, ys) {
  return opt.minimize(() => {
    let h = tf.zeros([1, H]);
    let loss = tf.scalar(0);
    xs.forEach((x, t) => {
      const [out] = cell.call([x, h], {});
      loss = loss.add(tf.losses.meanSquaredError(ys[t], head.apply(out)));
      h = tf.tensor(out.dataSync(), out.shape);
    });
    return loss;
  }, true);
}
