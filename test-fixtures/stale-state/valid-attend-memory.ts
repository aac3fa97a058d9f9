// An attention decoder: the encoder memory is read at every step by a helper that returns one
// context vector, while the decoder cell carries its own state.
import * as tf from '@tensorflow/tfjs';

const decCell = tf.layers.gruCell({ units: 8 });
const attnW = tf.layers.dense({ units: 8, useBias: false });

function attend(h: tf.Tensor2D, memory: tf.Tensor3D, mask: tf.Tensor2D): tf.Tensor2D {
  const query = (attnW.apply(h) as tf.Tensor2D).expandDims(2);
  const scores = tf.matMul(memory, query).squeeze([2]);
  const alpha = tf.softmax(tf.add(scores, tf.mul(tf.sub(1, mask), -1e9)), 1);
  return tf.sum(tf.mul(memory, alpha.expandDims(2)), 1) as tf.Tensor2D;
}

export function decode(memory: tf.Tensor3D, mask: tf.Tensor2D, h0: tf.Tensor2D, xs: tf.Tensor2D[]): tf.Tensor2D[] {
  let h = h0;
  const outs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const ctx = attend(h, memory, mask);
    const [, hNext] = decCell.call([tf.concat([x, ctx], 1), h], {}) as tf.Tensor2D[];
    h = hNext!;
    outs.push(tf.concat([h, ctx], 1));
  }
  return outs;
}

// A decoder step given as a parameter of a declared function type: `memory` and `mask` have no
// place in the object it is declared to return, so they are inputs, passed unchanged every step.
type StepOut = { h: tf.Tensor; logits: tf.Tensor; attn: tf.Tensor };
type StepFn = (token: number, h: tf.Tensor, memory: tf.Tensor, mask: tf.Tensor) => StepOut;

export function greedy(step: StepFn, encOut: tf.Tensor, srcMask: tf.Tensor, h0: tf.Tensor, maxLen: number): number[] {
  let h = h0;
  let token = 0;
  const tokens: number[] = [];
  for (let i = 0; i < maxLen; i++) {
    const out = step(token, h, encOut, srcMask);
    h = out.h;
    token = out.logits.argMax(1).dataSync()[0]!;
    tokens.push(token);
  }
  return tokens;
}
