// A step returning [output, stateObject]: one member of the state object comes back unchanged.
import * as tf from '@tensorflow/tfjs';

interface Carry { h: tf.Tensor2D; c: tf.Tensor2D }

export function lstmStep(kernel: tf.Tensor2D, x: tf.Tensor2D, carry: Carry): [tf.Tensor2D, Carry] {
  const z = tf.matMul(tf.concat([x, carry.h], 1), kernel);
  const [i, f, g, o] = tf.split(z, 4, 1) as tf.Tensor2D[];
  const newC = tf.add(tf.mul(carry.c, tf.sigmoid(f!)), tf.mul(tf.sigmoid(i!), tf.tanh(g!))) as tf.Tensor2D;
  const newH = tf.mul(tf.tanh(newC), tf.sigmoid(o!)) as tf.Tensor2D;
  return [newH, { h: newH, c: carry.c }];
//                            ~~~~~~~ returns-input-state
}
