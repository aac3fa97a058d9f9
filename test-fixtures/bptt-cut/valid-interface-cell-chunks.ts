// Truncated BPTT on purpose with a cell known only by its interface: the chunk's unroll is inside the closure.
import * as tf from '@tensorflow/tfjs';
export interface Cell { weights: tf.Variable[]; step(x: tf.Tensor, s: tf.Tensor): readonly [tf.Tensor, tf.Tensor]; }
export function train(cell: Cell, head: tf.Variable, chunks: tf.Tensor[][], target: tf.Tensor) {
  const opt = tf.train.adam(0.01);
  let carry: tf.Tensor = tf.zeros([1, 8]);
  for (const chunk of chunks) {
    opt.minimize(() => {
      let s = carry;
      for (const x of chunk) { const [y, next] = cell.step(x, s); s = next; }
      const next = tf.keep(s.clone());
      carry = next;
      return tf.losses.meanSquaredError(target, s.matMul(head)) as tf.Scalar;
    });
  }
}
