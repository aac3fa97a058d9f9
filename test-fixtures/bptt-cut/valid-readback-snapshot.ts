// A step that returns a read-back snapshot next to its tensor state; only the tensor is carried.
import * as tf from '@tensorflow/tfjs';
const Wx = tf.variable(tf.randomNormal([2, 8])); const Wh = tf.variable(tf.randomNormal([8, 8])); const Wy = tf.variable(tf.randomNormal([8, 2]));
function step(x: tf.Tensor2D, state: tf.Tensor2D) {
  const h = tf.tanh(x.matMul(Wx).add(state.matMul(Wh))) as tf.Tensor2D;
  return { out: h.matMul(Wy), state: h, snapshot: h.dataSync() };
}
export function infer(xs: tf.Tensor2D[], state: Float32Array) {
  for (const x of xs) { const r = step(x, tf.tensor2d(state, [1, 8])); state = r.state.dataSync() as Float32Array; }
  return state;
}
export function fit(xs: tf.Tensor2D[], ys: tf.Tensor2D[]) {
  const opt = tf.train.adam(0.01);
  const loss = opt.minimize(() => {
    let state: tf.Tensor2D = tf.zeros([1, 8]);
    let total = tf.scalar(0);
    const snaps: Float32Array[] = [];
    xs.forEach((x, t) => { const r = step(x, state); state = r.state; snaps.push(r.snapshot as Float32Array); total = total.add(tf.losses.meanSquaredError(ys[t], r.out)); });
    return total as tf.Scalar;
  }, true);
  return loss!.dataSync()[0];
}
