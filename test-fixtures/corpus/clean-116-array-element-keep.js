// expect: none
import * as tf from '@tensorflow/tfjs';

export function runStack(cells, xs, units) {
  const hs = cells.map(() => tf.zeros([1, units]));
  for (const x of xs) {
    let input = x;
    cells.forEach((cell, l) => {
      const prev = hs[l];
      const [out, next] = tf.tidy(() => cell.call([input, prev], {}));
      hs[l] = next;
      prev.dispose();
      input = out;
    });
  }
  return hs[hs.length - 1];
}
