// An attention decoder whose loop keeps stepping from the first state.
import * as tf from '@tensorflow/tfjs';

export interface DecoderState { readonly h: tf.Tensor; readonly context: tf.Tensor }
export interface AttentionMemory { readonly keys: tf.Tensor; readonly values: tf.Tensor }

export function decodeStep(W: tf.Tensor, U: tf.Tensor, x: tf.Tensor, s: DecoderState, mem: AttentionMemory): readonly [tf.Tensor, DecoderState] {
  const h = tf.tanh(tf.concat([x, s.context], 1).matMul(W).add(s.h.matMul(U)));
  const context = tf.softmax(mem.keys.matMul(h.transpose())).transpose().matMul(mem.values);
  return [tf.concat([h, context], 1), { h, context }] as const;
}

export function decode(W: tf.Tensor, U: tf.Tensor, xs: tf.Tensor[], mem: AttentionMemory, state: DecoderState): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  let last = state;
  for (const x of xs) {
    const [logits, next] = decodeStep(W, U, x, state, mem);
    //                                         ~~~~~ stale-state
    last = next;
    out.push(logits);
  }
  void last;
  return out;
}
