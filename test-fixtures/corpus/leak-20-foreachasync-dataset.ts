// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export async function embedAll(
  ds: tf.data.Dataset<tf.Tensor2D[]>,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  units: number,
): Promise<tf.Tensor2D[]> {
  const out: tf.Tensor2D[] = [];
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  await ds.forEachAsync((seq) => {
    for (const x of seq) {
      h = step(x, h);
    }
    out.push(h);
  });
  return out;
}
