// An LSTM step whose new states are named `hidden` and `cell`.
import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D];
interface Lstm { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D; V: tf.Tensor2D }

export function lstmForward(m: Lstm, x: tf.Tensor2D, [h, c]: State): [tf.Tensor2D, State] {
  const z = tf.matMul(x, m.W).add(tf.matMul(h, m.U)).add(m.b);
  const [i, f, g, o] = tf.split(z, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const cell = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  const hidden = tf.sigmoid(o).mul(tf.tanh(cell)) as tf.Tensor2D;
  return [tf.matMul(hidden, m.V), [hidden, c]];
  //                                       ~ returns-input-state
}
