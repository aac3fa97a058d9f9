// expect: none
import * as tf from '@tensorflow/tfjs';

const rnn = tf.layers.simpleRNNCell({ units: 8 });
rnn.build([null, 3]);

export async function animate(frames: tf.Tensor2D[], draw: (t: tf.Tensor) => void): Promise<void> {
  let h: tf.Tensor = tf.zeros([1, 8]);
  for (const frame of frames) {
    const [out, next] = rnn.apply([frame, h]) as tf.Tensor[];
    h = next;
    draw(out);
    await tf.nextFrame();
  }
}
