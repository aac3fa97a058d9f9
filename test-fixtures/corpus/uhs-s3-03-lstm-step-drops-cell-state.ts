// expect: unused-hidden-state
// Functional LSTM step and loop for a sequence tagger; bug: in lstmStep the new cell state is i*g only, so the incoming cell state `cPrev` never reaches h or c.
import * as tf from '@tensorflow/tfjs';

export interface LstmParams {
  kernel: tf.Variable; // [inputDim + units, 4 * units]
  bias: tf.Variable; // [4 * units]
  units: number;
}

export type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

export function lstmStep(p: LstmParams, x: tf.Tensor2D, { h: hPrev, c: cPrev }: LstmState): LstmState {
  return tf.tidy(() => {
    const z = tf.add(tf.matMul(tf.concat([x, hPrev], 1), p.kernel as tf.Tensor2D), p.bias);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi);
    const f = tf.sigmoid(zf);
    const g = tf.tanh(zg);
    const o = tf.sigmoid(zo);
    const c = tf.mul(i, g) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  });
}

export function tagSequence(p: LstmParams, xs: tf.Tensor2D[], head: tf.Variable): tf.Tensor2D[] {
  const batch = xs[0].shape[0];
  let state: LstmState = {
    h: tf.zeros([batch, p.units]) as tf.Tensor2D,
    c: tf.zeros([batch, p.units]) as tf.Tensor2D,
  };
  const logits: tf.Tensor2D[] = [];
  for (const x of xs) {
    const next = lstmStep(p, x, state);
    tf.dispose([state.h, state.c]);
    state = next;
    logits.push(tf.matMul(state.h, head as tf.Tensor2D));
  }
  tf.dispose([state.h, state.c]);
  return logits;
}
