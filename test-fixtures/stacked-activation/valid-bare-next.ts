// Decoder steps returning `{ logits, next }` that squash the state once per step.
import * as tf from '@tensorflow/tfjs';

export interface Params { wIn: tf.Tensor2D; wRec: tf.Tensor2D; wOut: tf.Tensor2D }

// The query is the state itself; the new state is made with tanh.
function decoderCell(p: Params, x: tf.Tensor2D, state: tf.Tensor2D) {
  const next = tf.tanh(tf.matMul(x, p.wIn).add(tf.matMul(state, p.wRec))) as tf.Tensor2D;
  return { logits: tf.matMul(next, p.wOut), next };
}

// A linear state update (no activation on `next`), squashed when read.
function linearCell(p: Params, x: tf.Tensor2D, state: tf.Tensor2D) {
  const query = tf.tanh(state);
  const next = tf.matMul(x, p.wIn).add(tf.matMul(query, p.wRec)) as tf.Tensor2D;
  return { logits: tf.matMul(next, p.wOut), next };
}

export function decode(p: Params, xs: tf.Tensor2D[], s0: tf.Tensor2D): tf.Tensor[] {
  let a = s0;
  let b = s0;
  const out: tf.Tensor[] = [];
  for (const x of xs) {
    const r1 = decoderCell(p, x, a);
    const r2 = linearCell(p, x, b);
    out.push(r1.logits, r2.logits);
    a = r1.next;
    b = r2.next;
  }
  return out;
}
