// expect: stale-state
import * as tf from '@tensorflow/tfjs';

const H = 16;
const kernel = tf.variable(tf.randomNormal([8, 4 * H], 0, 0.05));
const rec = tf.variable(tf.randomNormal([H, 4 * H], 0, 0.05));

function lstmStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const z = tf.matMul(x, kernel).add(tf.matMul(h, rec)) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
  return [hNew, cNew];
}

export function decode(steps: tf.Tensor2D[]): tf.Tensor2D[] {
  const h = tf.zeros([1, H]) as tf.Tensor2D;
  const c = tf.zeros([1, H]) as tf.Tensor2D;
  const outputs: tf.Tensor2D[] = [];
  for (const x of steps) {
    const [hOut, cOut] = lstmStep(x, h, c);
    outputs.push(hOut);
    cOut.dispose();
  }
  return outputs;
}
