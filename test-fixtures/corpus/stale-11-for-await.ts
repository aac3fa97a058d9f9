// expect: stale-state
import * as tf from '@tensorflow/tfjs';

const H = 12;
const Wx = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const step = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;

export async function track(frames: AsyncIterable<tf.Tensor2D>): Promise<tf.Tensor2D[]> {
  const init = tf.zeros([1, H]) as tf.Tensor2D;
  const trace: tf.Tensor2D[] = [];
  for await (const frame of frames) {
    const next = step(frame, init);
    trace.push(next);
  }
  return trace;
}
