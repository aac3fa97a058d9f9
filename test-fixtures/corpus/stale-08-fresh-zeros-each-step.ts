// expect: stale-state
// A fresh zero state is built inside the call on every iteration.
import * as tf from '@tensorflow/tfjs';

const units = 14;
const gru = tf.layers.gruCell({ units });
gru.build([null, 6]);

export function runClip(frames: tf.Tensor2D[]): tf.Tensor[] {
  const outputs: tf.Tensor[] = [];
  for (const [k, frame] of frames.entries()) {
    const [out] = gru.call([frame, tf.zeros([1, units])], {}) as tf.Tensor[];
    outputs[k] = out;
  }
  return outputs;
}
