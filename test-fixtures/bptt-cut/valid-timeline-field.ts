// A timeline of hidden states kept for a debugger panel: the copies are read back to plain arrays,
// and a tensor rebuilt from them is only shown, while the loop carries the tensor itself.
import * as tf from '@tensorflow/tfjs';

export class Timeline {
  private past: number[][][] = [];
  record(h: tf.Tensor2D): void {
    this.past.push(h.arraySync());
  }
  current(): tf.Tensor2D {
    return tf.tensor2d(this.past[this.past.length - 1]!);
  }
}

const Wx = tf.variable(tf.randomNormal([1, 8]));
const Wh = tf.variable(tf.randomNormal([8, 8]));
const Wy = tf.variable(tf.randomNormal([8, 1]));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)));
}

export function train(series: number[], timeline: Timeline): void {
  const optimizer = tf.train.adam(0.01);
  optimizer.minimize(() => {
    let h: tf.Tensor2D = tf.zeros([1, 8]);
    const losses: tf.Scalar[] = [];
    for (let t = 0; t + 1 < series.length; t++) {
      h = step(tf.tensor2d([[series[t]!]]), h);
      timeline.record(h);
      timeline.current().print();
      losses.push(tf.losses.meanSquaredError(tf.tensor2d([[series[t + 1]!]]), tf.matMul(h, Wy)) as tf.Scalar);
    }
    return tf.addN(losses) as tf.Scalar;
  });
}
