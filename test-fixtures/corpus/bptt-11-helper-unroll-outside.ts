// expect: bptt-cut
// The encoder is unrolled by a helper before the tape starts; only the head learns.
import * as tf from '@tensorflow/tfjs';

const H = 12;
const cell = tf.layers.lstmCell({ units: H });
cell.build([null, 4]);
const head = tf.layers.dense({ units: 3 });
head.build([null, H]);
const optimizer = tf.train.adam(1e-3);

function encode(xs: tf.Tensor2D[]): tf.Tensor {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  for (const x of xs) {
    [, h, c] = cell.call([x, h, c], {}) as tf.Tensor[];
  }
  return h;
}

export function trainStep(xs: tf.Tensor2D[], label: tf.Tensor2D): void {
  const hT = encode(xs);
  optimizer.minimize(() => tf.losses.softmaxCrossEntropy(label, head.apply(hT) as tf.Tensor) as tf.Scalar);
}
