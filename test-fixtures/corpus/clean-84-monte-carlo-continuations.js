// expect: none
// Monte Carlo dropout: K stochastic passes of the cell (built with `dropout` > 0) from the SAME
// current state estimate the predictive entropy; the state advances once per real token.
import * as tf from '@tensorflow/tfjs';

export function entropyTrace(cell, readout, tokens, units, numSamples) {
  let h = tf.zeros([1, units]);
  const trace = [];
  for (const x of tokens) {
    const draws = [];
    for (let k = 0; k < numSamples; k++) {
      const [out] = cell.call([x, h], { training: true });
      draws.push(tf.softmax(readout.apply(out)));
    }
    const p = tf.mean(tf.stack(draws), 0);
    trace.push(-tf.sum(p.mul(tf.log(p))).dataSync()[0]);
    [, h] = cell.call([x, h], {});
  }
  return trace;
}
