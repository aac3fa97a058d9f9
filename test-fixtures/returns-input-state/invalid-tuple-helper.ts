import * as tf from '@tensorflow/tfjs';

type LSTMState = [tf.Tensor2D, tf.Tensor2D];

// Code ported from Python spells a tuple with a helper that returns its arguments.
function tuple<T extends unknown[]>(...items: T): T {
  return items;
}

function pair<A, B>(a: A, b: B): [A, B] {
  return [a, b];
}

export class LSTMCell {
  readonly weight_ih = tf.variable(tf.randomNormal([4, 32], 0, 0.1));
  readonly weight_hh = tf.variable(tf.randomNormal([8, 32], 0, 0.1));

  forward(input: tf.Tensor2D, hidden: LSTMState): [tf.Tensor2D, LSTMState] {
    const [hx, cx] = hidden;
    const gates = tf.matMul(input, this.weight_ih).add(tf.matMul(hx, this.weight_hh));
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const cy = tf.sigmoid(f).mul(cx).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hy = tf.sigmoid(o).mul(tf.tanh(cy)) as tf.Tensor2D;
    return [hy, tuple(hy, cx)];
//                        ~~ returns-input-state
  }

  step(input: tf.Tensor2D, [h, c]: LSTMState): [tf.Tensor2D, [tf.Tensor2D, tf.Tensor2D]] {
    const gates = tf.matMul(input, this.weight_ih).add(tf.matMul(h, this.weight_hh));
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
    return [hNew, pair(hNew, c)];
//                           ~ returns-input-state
  }
}

export function run(cell: LSTMCell, xs: tf.Tensor2D[], state: LSTMState): tf.Tensor2D {
  let out = state[0];
  for (const x of xs) [out, state] = cell.forward(x, state);
  for (const x of xs) [out, state] = cell.step(x, state);
  return out;
}
