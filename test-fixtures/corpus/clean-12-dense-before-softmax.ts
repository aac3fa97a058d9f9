// expect: none
// tanh state, then a linear projection, then softmax: one activation per layer.
import * as tf from '@tensorflow/tfjs';

const H = 24;
const vocab = 50;
const Wx = tf.variable(tf.randomNormal([vocab, H], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.05));
const projection = tf.layers.dense({ units: vocab });

export function charStep(x: tf.Tensor2D, h: tf.Tensor2D): { probs: tf.Tensor2D; h: tf.Tensor2D } {
  const hNew = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
  const logits = projection.apply(hNew) as tf.Tensor2D;
  return { probs: tf.softmax(logits), h: hNew };
}

export function sample(seed: tf.Tensor2D, length: number): number[] {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  let x = seed;
  const ids: number[] = [];
  for (let i = 0; i < length; i++) {
    const r = charStep(x, h);
    h = r.h;
    const id = tf.multinomial(tf.log(r.probs), 1).dataSync()[0];
    ids.push(id);
    x = tf.oneHot([id], vocab).toFloat() as tf.Tensor2D;
  }
  return ids;
}
