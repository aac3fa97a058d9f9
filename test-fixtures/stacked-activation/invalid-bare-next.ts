// An attention decoder step returning `{ logits, next }`; its query squashes the incoming state again.
import * as tf from '@tensorflow/tfjs';

export interface Params { wIn: tf.Tensor2D; wRec: tf.Tensor2D; wOut: tf.Tensor2D }

function decoderCell(p: Params, x: tf.Tensor2D, state: tf.Tensor2D) {
  const query = tf.tanh(state);
  //            ~~~~~~~~~~~~~~ stacked-activation
  const next = tf.tanh(tf.matMul(x, p.wIn).add(tf.matMul(query, p.wRec))) as tf.Tensor2D;
  return { logits: tf.matMul(next, p.wOut), next };
}

export function decode(p: Params, xs: tf.Tensor2D[], s0: tf.Tensor2D): tf.Tensor[] {
  let state = s0;
  const out: tf.Tensor[] = [];
  for (const x of xs) {
    const { logits, next } = decoderCell(p, x, state);
    out.push(logits);
    state = next;
  }
  return out;
}
