// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export function sessionSummaries(
  sessions: { id: string; frames: tf.Tensor2D[] }[],
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  units: number,
): Map<string, tf.Tensor2D> {
  const out = new Map<string, tf.Tensor2D>();
  const st = { h: tf.zeros([1, units]) as tf.Tensor2D };
  for (const { id, frames } of sessions) {
    for (const f of frames) {
      st.h = step(f, st.h);
    }
    out.set(id, st.h);
  }
  return out;
}
