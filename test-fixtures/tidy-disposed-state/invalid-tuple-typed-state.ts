// An LSTM forecaster whose state is a typed tuple: the tidy stores the new tuple and drops it.
// Only "return it from tidy" is suggested: `tf.keep` takes one tensor, not a tuple of them.
import * as tf from '@tensorflow/tfjs';

type LstmState = [tf.Tensor2D, tf.Tensor2D];

function lstmStep(x: tf.Tensor2D, [h, c]: LstmState, w: tf.Tensor2D, u: tf.Tensor2D): [tf.Tensor2D, LstmState] {
  const z = x.matMul(w).add(h.matMul(u));
  const [i, f, g, o] = tf.split(z, 4, 1) as tf.Tensor2D[];
  const cNext = tf.sigmoid(f!).mul(c).add(tf.sigmoid(i!).mul(tf.tanh(g!))) as tf.Tensor2D;
  const hNext = tf.sigmoid(o!).mul(tf.tanh(cNext)) as tf.Tensor2D;
  return [hNext, [hNext, cNext]];
}

export function forecast(inputs: number[][], w: tf.Tensor2D, u: tf.Tensor2D, units: number): number[] {
  let state: LstmState = [tf.zeros([1, units]), tf.zeros([1, units])];
  const out: number[] = [];
  for (const row of inputs) {
    tf.tidy(() => {
      const [y, next] = lstmStep(tf.tensor2d([row]), state, w, u);
      state = next;
    //~~~~~~~~~~~~ tidy-disposed-state
      out.push(y.dataSync()[0]!);
    });
  }
  tf.dispose(state);
  return out;
}
