// Every hidden state goes into an undo/redo timeline as plain arrays, and the next step starts
// from the timeline's current entry, rebuilt as a tensor: on the tape, that is a constant.
import * as tf from '@tensorflow/tfjs';

export class Timeline {
  private past: number[][][] = [];
  private future: number[][][] = [];
  record(h: tf.Tensor2D): void {
    this.past.push(h.arraySync());
    this.future = [];
  }
  current(): tf.Tensor2D {
    return tf.tensor2d(this.past[this.past.length - 1]!);
//         ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
  }
  undo(): void {
    const last = this.past.pop();
    if (last) this.future.push(last);
  }
  redo(): void {
    const next = this.future.pop();
    if (next) this.past.push(next);
  }
  clear(): void {
    this.past = [];
    this.future = [];
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
    timeline.clear();
    timeline.record(tf.zeros([1, 8]));
    const losses: tf.Scalar[] = [];
    for (let t = 0; t + 1 < series.length; t++) {
      const h = step(tf.tensor2d([[series[t]!]]), timeline.current());
      timeline.record(h);
      losses.push(tf.losses.meanSquaredError(tf.tensor2d([[series[t + 1]!]]), tf.matMul(h, Wy)) as tf.Scalar);
    }
    return tf.addN(losses) as tf.Scalar;
  });
}
