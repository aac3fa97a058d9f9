// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export async function encodeFrames(step, frames, units) {
  const h0 = tf.zeros([1, units]);
  const states = await Promise.all(frames.map(async (frame) => step(frame, h0)));
  return states[states.length - 1];
}

export function demo(frames) {
  const W = tf.randomNormal([2, 4]);
  const U = tf.randomNormal([4, 4]);
  const step = (x, h) => tf.tanh(x.matMul(W).add(h.matMul(U)));
  return encodeFrames(step, frames, 4);
}
