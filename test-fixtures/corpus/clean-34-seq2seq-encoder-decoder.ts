// expect: none
// Per pair: encode from zeros, hand the final encoder state to the decoder, decode with teacher forcing.
import * as tf from '@tensorflow/tfjs';

const H = 24;
const encCell = tf.layers.gruCell({ units: H });
const decCell = tf.layers.gruCell({ units: H });
encCell.build([null, 10]);
decCell.build([null, 12]);
const proj = tf.layers.dense({ units: 12 });
const optimizer = tf.train.adam(0.001);

export function trainPairs(pairs: { src: tf.Tensor2D[]; tgtIn: tf.Tensor2D[]; tgtOut: tf.Tensor2D[] }[]): void {
  for (const { src, tgtIn, tgtOut } of pairs) {
    optimizer.minimize(() => {
      let h: tf.Tensor = tf.zeros([1, H]);
      for (const x of src) {
        [, h] = encCell.call([x, h], {}) as tf.Tensor[];
      }
      let loss: tf.Tensor = tf.scalar(0);
      let s = h;
      for (let t = 0; t < tgtIn.length; t++) {
        const [out, next] = decCell.call([tgtIn[t], s], {}) as tf.Tensor[];
        s = next;
        loss = loss.add(tf.losses.softmaxCrossEntropy(tgtOut[t], proj.apply(out) as tf.Tensor));
      }
      return loss as tf.Scalar;
    });
  }
}
