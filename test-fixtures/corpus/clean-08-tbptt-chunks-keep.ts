// expect: none
// Truncated BPTT over one long series: the state is carried from chunk to chunk on purpose
// (it is the same sequence), detached at chunk borders, and kept alive with tf.keep.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wx = tf.variable(tf.randomNormal([1, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const optimizer = tf.train.adam(0.01);

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

export function trainTbptt(series: tf.Tensor2D[], targets: tf.Tensor2D[], chunkLen: number): void {
  let carried: tf.Tensor2D = tf.zeros([1, H]);
  for (let start = 0; start < series.length; start += chunkLen) {
    const end = Math.min(start + chunkLen, series.length);
    let last: tf.Tensor2D | null = null;
    optimizer.minimize(() => {
      let h = carried;
      let loss = tf.scalar(0);
      for (let t = start; t < end; t++) {
        h = step(series[t], h);
        loss = loss.add(tf.losses.meanSquaredError(targets[t], tf.matMul(h, Wo)));
      }
      last = tf.keep(h);
      return loss.div(end - start) as tf.Scalar;
    });
    carried.dispose();
    carried = last!;
  }
  carried.dispose();
}
