// expect: none
// Peephole LSTM: the gates also look at the cell state; c is carried, h returned.
import * as tf from '@tensorflow/tfjs';

export function peepholeStep(
  x: tf.Tensor2D,
  h: tf.Tensor2D,
  c: tf.Tensor2D,
  p: { W: tf.Tensor2D; Pi: tf.Tensor1D; Pf: tf.Tensor1D; Po: tf.Tensor1D },
): [tf.Tensor2D, tf.Tensor2D] {
  const z = tf.matMul(tf.concat([x, h], 1), p.W) as tf.Tensor2D;
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi.add(c.mul(p.Pi)));
  const f = tf.sigmoid(zf.add(c.mul(p.Pf)));
  const cNew = f.mul(c).add(i.mul(tf.tanh(zg))) as tf.Tensor2D;
  const o = tf.sigmoid(zo.add(cNew.mul(p.Po)));
  return [o.mul(tf.tanh(cNew)) as tf.Tensor2D, cNew];
}
