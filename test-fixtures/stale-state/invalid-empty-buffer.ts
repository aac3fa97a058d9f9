// A state read from a local buffer that nothing ever fills: the read never yields a state, so every
// step starts from the fallback, just as if the state were never updated.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// A dilated layer (h_t = f(x_t, h_{t-d})) whose ring of past states is never pushed to: the new
// states go only to `outputs`.
export function dilated(xs: tf.Tensor2D[], dilation: number): tf.Tensor2D[] {
  const zero = tf.zeros([1, 8]) as tf.Tensor2D;
  const ring: tf.Tensor2D[] = [];
  const outputs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const hPrev = ring.length === dilation ? ring.shift()! : zero;
    const h = step(x, hPrev);
//                    ~~~~~ stale-state
    outputs.push(h);
  }
  return outputs;
}

// The same with a fallback written at the call, and the read on the other branch.
export function skipped(xs: tf.Tensor2D[], skip: number): tf.Tensor2D[] {
  const past: tf.Tensor2D[] = [];
  const hs: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    hs.push(step(xs[t]!, past.length < skip ? tf.zeros([1, 8]) : past[past.length - skip]!));
//                       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stale-state
  }
  return hs;
}

// A stack of previous states popped with a nullish fallback, while the new state goes elsewhere.
export function popped(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  const stack = new Array<tf.Tensor2D>();
  let last = h0;
  xs.forEach((x) => {
    const prev = stack.pop() ?? h0;
    last = step(x, prev);
//                 ~~~~ stale-state
  });
  return last;
}
