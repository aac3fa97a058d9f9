// expect: stale-state
import * as tf from '@tensorflow/tfjs';

async function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): Promise<tf.Tensor2D> {
  await tf.nextFrame();
  return tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
}

export async function run(xs: tf.Tensor2D[], W: tf.Tensor2D, U: tf.Tensor2D): Promise<tf.Tensor2D[]> {
  const h0 = tf.zeros([1, U.shape[0]]) as tf.Tensor2D;
  const out: tf.Tensor2D[] = [];
  for (const x of xs) {
    const next = await step(x, h0, W, U);
    out.push(next);
  }
  return out;
}
