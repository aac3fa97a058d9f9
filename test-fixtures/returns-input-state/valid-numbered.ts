// Digits that number layers, not time: a two-layer step returns both layers' new states.
import * as tf from '@tensorflow/tfjs';

const W1 = tf.randomNormal([12, 4]) as tf.Tensor2D;
const W2 = tf.randomNormal([8, 4]) as tf.Tensor2D;

export function twoLayerStep(x: tf.Tensor2D, h1: tf.Tensor2D, h2: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const h1Next = tf.tanh(tf.concat([x, h1], 1).matMul(W1)) as tf.Tensor2D;
  const h2Next = tf.tanh(tf.concat([h1Next, h2], 1).matMul(W2)) as tf.Tensor2D;
  return [h1Next, h2Next];
}

type State = { h: tf.Tensor2D; c: tf.Tensor2D };
const W = tf.randomNormal([12, 16]) as tf.Tensor2D;

export function lstmCell(x: tf.Tensor2D, { h, c }: State): State {
  return tf.tidy(() => {
    const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(W), 4, 1);
    const c2 = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h2 = tf.sigmoid(o).mul(tf.tanh(c2)) as tf.Tensor2D;
    return { h: h2, c: c2 };
  });
}
