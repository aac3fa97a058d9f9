// expect: stale-state
import * as tf from '@tensorflow/tfjs';

const rnn = tf.layers.simpleRNNCell({ units: 8 });
rnn.build([null, 3]);

export async function animate(frames: tf.Tensor2D[], draw: (t: tf.Tensor) => void): Promise<void> {
  const hInit = tf.zeros([1, 8]);
  for (const frame of frames) {
    const [out] = rnn.apply([frame, hInit]) as tf.Tensor[];
    draw(out);
    await tf.nextFrame();
  }
}
