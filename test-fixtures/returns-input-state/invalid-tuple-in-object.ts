// An LSTM step taking its state as one [h, c] pair and returning the new pair inside an object.
import * as tf from '@tensorflow/tfjs';

const UNITS = 8;
const W = tf.randomNormal([4 + UNITS, 4 * UNITS]);
const b = tf.zeros([4 * UNITS]);

type Pair = [tf.Tensor2D, tf.Tensor2D];

export function lstmStep(x: tf.Tensor2D, [h, c]: Pair): { y: tf.Tensor2D; state: Pair } {
  return tf.tidy(() => {
    const z = tf.matMul(tf.concat([x, h], 1), W).add(b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
    return { y: hNew, state: [h, cNew] };
    //                        ~ returns-input-state
  });
}

export function embed(frames: tf.Tensor2D[]): tf.Tensor2D {
  let state: Pair = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
  let last = state[0];
  for (const x of frames) {
    const r = lstmStep(x, state);
    state = r.state;
    last = r.y;
  }
  return last;
}
