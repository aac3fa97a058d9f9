// An LSTM step taking its state object destructured; a fold and a loop run it over a sequence.
import * as tf from '@tensorflow/tfjs';

interface LstmState { h: tf.Tensor; c: tf.Tensor }
const W = tf.variable(tf.randomNormal([3, 4]));
const U = tf.variable(tf.randomNormal([4, 4]));

function step(x: tf.Tensor, { h, c }: LstmState): [tf.Tensor, LstmState] {
  const cn = tf.tanh(x.matMul(W).add(h.matMul(U))).add(c);
  const hn = tf.tanh(cn);
  return [hn, { h: hn, c: cn }];
}

export function run(xs: tf.Tensor[], s0: LstmState): tf.Tensor[] {
  const ys: tf.Tensor[] = [];
  let s = s0;
  for (const x of xs) {
    const [y, next] = step(x, s0);
    //                        ~~ stale-state
    ys.push(y);
    s = next;
  }
  void s;
  return ys;
}
