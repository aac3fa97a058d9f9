// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

interface Params {
  Wx: tf.Variable;
  Wh: tf.Variable;
  b: tf.Variable;
  Wy: tf.Variable;
}

const cell = (p: Params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D =>
  tf.tanh(x.matMul(p.Wx).add(h.matMul(p.Wh)).add(p.b)) as tf.Tensor2D;

export function fitSequence(p: Params, xs: tf.Tensor2D[], ys: tf.Tensor2D[], lr = 0.01): number {
  const opt = tf.train.sgd(lr);
  const loss = opt.minimize(() => {
    let h = tf.zeros([xs[0].shape[0], p.Wh.shape[0] as number]) as tf.Tensor2D;
    const losses: tf.Scalar[] = [];
    for (let t = 0; t < xs.length; t++) {
      const hNew = cell(p, xs[t], h);
      // copy to plain values so tensors from earlier steps can be freed
      h = tf.tensor2d(hNew.arraySync() as number[][]);
      const pred = hNew.matMul(p.Wy);
      losses.push(tf.losses.meanSquaredError(ys[t], pred) as tf.Scalar);
    }
    return tf.addN(losses).div(xs.length) as tf.Scalar;
  }, true);
  const v = loss!.dataSync()[0];
  loss!.dispose();
  return v;
}
