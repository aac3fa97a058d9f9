// A cell known only by its interface, unrolled once before the training loop.
import * as tf from '@tensorflow/tfjs';

export interface Cell { step(x: tf.Tensor, s: tf.Tensor): readonly [tf.Tensor, tf.Tensor] }

function encode(cell: Cell, xs: tf.Tensor[]): { last: tf.Tensor } {
  let s: tf.Tensor = tf.zeros([1, 8]);
  for (const x of xs) {
    const [, next] = cell.step(x, s);
    s = next;
  }
  return { last: s };
}

export function train(cell: Cell, head: tf.Variable, xs: tf.Tensor[], target: tf.Tensor): void {
  const opt = tf.train.adam(0.01);
  const { last } = encode(cell, xs);
  for (let e = 0; e < 10; e++) {
    opt.minimize(() => tf.losses.meanSquaredError(target, last.matMul(head)) as tf.Scalar);
    //                                                    ~~~~ bptt-cut
  }
}
