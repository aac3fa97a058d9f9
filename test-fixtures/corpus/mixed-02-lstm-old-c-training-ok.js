// expect: returns-input-state
// The training loop is right; the cell hands the old cell state to the next step.
import * as tf from '@tensorflow/tfjs';

export function makeLstm(inputDim, units) {
  const W = tf.variable(tf.randomNormal([inputDim + units, 4 * units], 0, 0.1));
  const b = tf.variable(tf.zeros([4 * units]));
  return function lstmStep(x, h, c) {
    const z = tf.concat([x, h], 1).matMul(W).add(b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
    return [hNext, c];
  };
}

export function train(lstmStep, readout, optimizer, sequences, units) {
  for (const { xs, y } of sequences) {
    optimizer.minimize(() => {
      let h = tf.zeros([1, units]);
      let c = tf.zeros([1, units]);
      for (const x of xs) {
        [h, c] = lstmStep(x, h, c);
      }
      return tf.losses.meanSquaredError(y, readout(h));
    });
  }
}
