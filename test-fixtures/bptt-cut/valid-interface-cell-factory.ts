// A generic unroll built by a factory and run inside the closure; read back only after training.
import * as tf from '@tensorflow/tfjs';
export interface Cell<S> { readonly weights: readonly tf.Variable[]; zero(b: number): S; step(x: tf.Tensor, s: S): readonly [tf.Tensor, S]; }
export function unrollWith<S>(cell: Cell<S>) {
  return (xs: tf.Tensor[]) => { let s = cell.zero(1); const outputs: tf.Tensor[] = []; for (const x of xs) { const [y, next] = cell.step(x, s); outputs.push(y); s = next; } return { outputs, last: s }; };
}
export function train(cell: Cell<tf.Tensor>, head: tf.Variable, xs: tf.Tensor[], target: tf.Tensor) {
  const opt = tf.train.adam(0.01);
  const encode = unrollWith(cell);
  for (let e = 0; e < 10; e++) opt.minimize(() => { const { last } = encode(xs); return tf.losses.meanSquaredError(target, last.matMul(head)) as tf.Scalar; });
  const { last } = encode(xs);
  console.log(last.arraySync());
}
