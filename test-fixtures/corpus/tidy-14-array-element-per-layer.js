// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function runStack(cells, xs, units) {
  const hs = cells.map(() => tf.zeros([1, units]));
  for (const x of xs) {
    let input = x;
    cells.forEach((cell, l) => {
      tf.tidy(() => {
        const [out, next] = cell.call([input, hs[l]], {});
        hs[l] = next;
        input = out;
      });
    });
  }
  return hs[hs.length - 1];
}
