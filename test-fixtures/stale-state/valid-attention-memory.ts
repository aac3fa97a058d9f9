// An attention decoder: the typed state is rebuilt every step, the encoder memory is passed unchanged.
import * as tf from '@tensorflow/tfjs';

export interface DecoderState { readonly h: tf.Tensor; readonly context: tf.Tensor }
export interface AttentionMemory { readonly keys: tf.Tensor; readonly values: tf.Tensor; readonly mask: tf.Tensor }

function attend(h: tf.Tensor, mem: AttentionMemory): tf.Tensor {
  const scores = tf.tanh(mem.keys.add(h)).sum(1).reshape([1, -1]).add(tf.sub(1, mem.mask).mul(-1e9));
  return tf.softmax(scores).matMul(mem.values);
}

export function decodeStep(W: tf.Tensor, U: tf.Tensor, x: tf.Tensor, s: DecoderState, mem: AttentionMemory): readonly [tf.Tensor, DecoderState] {
  const h = tf.tanh(tf.concat([x, s.context], 1).matMul(W).add(s.h.matMul(U)));
  const context = attend(h, mem);
  const logits = tf.concat([h, context], 1);
  return [logits, { h, context }] as const;
}

export function decode(W: tf.Tensor, U: tf.Tensor, xs: tf.Tensor[], mem: AttentionMemory, init: DecoderState): tf.Tensor[] {
  let state = init;
  const out: tf.Tensor[] = [];
  for (const x of xs) {
    const [logits, next] = decodeStep(W, U, x, state, mem);
    state = next;
    out.push(logits);
  }
  return out;
}

// The same decoder written with a tidy and an object result; the loop hands `s` on through it.
function greedyStep(W: tf.Tensor, U: tf.Tensor, prev: number, s: tf.Tensor, memory: tf.Tensor, mask: tf.Tensor) {
  return tf.tidy(() => {
    const context = tf.softmax(s.matMul(memory, false, true).add(mask)).matMul(memory);
    const sNext = tf.tanh(tf.oneHot([prev], 8).toFloat().matMul(W).add(s.matMul(U)).add(context));
    const token = sNext.argMax(1).dataSync()[0]!;
    return { token, s: sNext };
  });
}

export function greedy(W: tf.Tensor, U: tf.Tensor, memory: tf.Tensor, mask: tf.Tensor, s0: tf.Tensor): number[] {
  const out: number[] = [];
  let s = s0;
  let prev = 1;
  while (out.length < 10) {
    const step = greedyStep(W, U, prev, s, memory, mask);
    s = step.s;
    out.push(step.token);
    prev = step.token;
  }
  return out;
}
