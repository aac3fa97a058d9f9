// expect: none
// Only plain numbers escape the tidy; the state is returned from it.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const cell = tf.layers.simpleRNNCell({ units: H });
cell.build([null, 4]);

export function trace(frames: tf.Tensor2D[]): number[] {
  const norms: number[] = [];
  let lastNorm = 0;
  let h: tf.Tensor = tf.zeros([1, H]);
  for (const x of frames) {
    const prev = h;
    h = tf.tidy(() => {
      const [, next] = cell.call([x, prev], {}) as tf.Tensor[];
      lastNorm = tf.norm(next).dataSync()[0];
      return next;
    });
    norms.push(lastNorm);
    prev.dispose();
  }
  return norms;
}
