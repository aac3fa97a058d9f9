// expect: none
import * as tf from '@tensorflow/tfjs';

const units = 16;
const cell = tf.layers.lstmCell({ units });
cell.build([null, 4]);

export function encodeFrames(frames) {
  let h = tf.zeros([1, units]);
  let c = tf.zeros([1, units]);
  for (const x of frames) {
    const old = [h, c];
    ({ h, c } = tf.tidy(() => {
      const [, h2, c2] = cell.call([x, h, c], {});
      return { h: h2, c: c2 };
    }));
    tf.dispose(old);
  }
  return h;
}
