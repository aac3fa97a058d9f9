// expect: none
import * as tf from '@tensorflow/tfjs';

interface RNNParams {
  Wx: tf.Variable;
  Wh: tf.Variable;
  b: tf.Variable;
  Wy: tf.Variable;
}

const rnnStep = (p: RNNParams, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D =>
  tf.tanh(x.matMul(p.Wx).add(h.matMul(p.Wh)).add(p.b)) as tf.Tensor2D;

export function trainEpoch(p: RNNParams, batches: { xs: tf.Tensor2D[]; y: tf.Tensor2D }[]): number[] {
  const opt = tf.train.adam(2e-3);
  const hiddenNorms: number[] = [];

  for (const { xs, y } of batches) {
    let finalNorm = 0;
    const cost = opt.minimize(() => {
      let h = tf.zeros([xs[0].shape[0], p.Wh.shape[0] as number]) as tf.Tensor2D;
      for (const x of xs) {
        h = rnnStep(p, x, h);
      }
      finalNorm = tf.norm(h).dataSync()[0];
      return tf.losses.meanSquaredError(y, h.matMul(p.Wy)) as tf.Scalar;
    }, true);
    hiddenNorms.push(finalNorm);
    console.log('loss', cost!.dataSync()[0], 'hidden norm', finalNorm);
    cost!.dispose();
  }
  return hiddenNorms;
}
