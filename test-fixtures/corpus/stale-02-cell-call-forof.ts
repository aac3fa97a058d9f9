// expect: stale-state
import * as tf from '@tensorflow/tfjs';

const cell = tf.layers.simpleRNNCell({ units: 8 });
cell.build([null, 4]);

export function runSequence(frames: tf.Tensor2D[]): tf.Tensor {
  const h0 = tf.zeros([1, 8]);
  const outputs: tf.Tensor[] = [];
  let lastState: tf.Tensor = h0;
  for (const x of frames) {
    const [out, hNext] = cell.call([x, h0], {}) as tf.Tensor[];
    outputs.push(out);
    lastState = hNext;
  }
  console.log('final state', lastState.shape);
  return tf.stack(outputs);
}
