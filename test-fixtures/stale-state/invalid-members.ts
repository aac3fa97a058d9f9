// A step whose state parameter has a short name, known by the state members it reads.
import * as tf from '@tensorflow/tfjs';

const U = 8;
const W = tf.variable(tf.randomNormal([4, 4 * U], 0, 0.1));
const R = tf.variable(tf.randomNormal([U, 4 * U], 0, 0.1));

interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }

export class StressCell {
  step(x: tf.Tensor2D, s: LstmState): { stress: tf.Tensor2D; next: LstmState } {
    return tf.tidy(() => {
      const z = tf.add(tf.matMul(x, W), tf.matMul(s.h, R));
      const [i, f, g, o] = tf.split(z, 4, 1);
      const c = tf.add(tf.mul(tf.sigmoid(f!), s.c), tf.mul(tf.sigmoid(i!), tf.tanh(g!))) as tf.Tensor2D;
      const h = tf.mul(tf.sigmoid(o!), tf.tanh(c)) as tf.Tensor2D;
      return { stress: tf.sum(h, 1, true) as tf.Tensor2D, next: { h, c } };
    });
  }
}

export function track(frames: tf.Tensor2D[], cell: StressCell): tf.Tensor2D[] {
  const state: LstmState = { h: tf.zeros([1, U]), c: tf.zeros([1, U]) };
  const out: tf.Tensor2D[] = [];
  for (const x of frames) {
    const { stress, next } = cell.step(x, state);
//                                        ~~~~~ stale-state
    out.push(stress);
    tf.dispose([next.h, next.c]);
  }
  return out;
}
