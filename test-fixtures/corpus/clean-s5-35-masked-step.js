// expect: none
// Masked GRU step for padded batches: at padded positions the step deliberately keeps the previous state via mask*h~ + (1-mask)*hPrev; the new (blended) state is what gets returned and carried.
import * as tf from '@tensorflow/tfjs';

/**
 * @param {number} inDim
 * @param {number} units
 */
export function createMaskedGru(inDim, units) {
  const cell = tf.layers.gruCell({ units });
  cell.build([null, inDim]);

  /**
   * @param {tf.Tensor2D} x [batch, inDim]
   * @param {tf.Tensor2D} hPrev [batch, units]
   * @param {tf.Tensor2D} mask [batch, 1], 1 = real token, 0 = padding
   * @returns {{ output: tf.Tensor2D, state: tf.Tensor2D }}
   */
  function step(x, hPrev, mask) {
    return tf.tidy(() => {
      const [, candidate] = /** @type {tf.Tensor2D[]} */ (cell.call([x, hPrev], {}));
      const state = tf.add(tf.mul(mask, candidate), tf.mul(tf.sub(1, mask), hPrev));
      // padded positions emit zeros so downstream pooling ignores them
      const output = tf.mul(mask, candidate);
      return { output, state };
    });
  }

  return { step, units, trainableWeights: () => cell.trainableWeights.map((w) => w.read()) };
}

/**
 * @param {ReturnType<typeof createMaskedGru>} gru
 * @param {number[][][]} batch ragged list of sequences of feature vectors
 */
export function encodeBatch(gru, batch) {
  const maxLen = Math.max(...batch.map((s) => s.length));
  const dim = batch[0][0].length;
  return tf.tidy(() => {
    let h = tf.zeros([batch.length, gru.units]);
    const outputs = [];
    for (let t = 0; t < maxLen; t++) {
      const x = tf.tensor2d(batch.map((s) => s[t] ?? new Array(dim).fill(0)));
      const mask = tf.tensor2d(batch.map((s) => [t < s.length ? 1 : 0]));
      const res = gru.step(x, h, mask);
      outputs.push(res.output);
      h = res.state;
    }
    // h holds each sequence's state at its own last real token
    return { outputs: tf.stack(outputs, 1), last: h };
  });
}

export async function demo() {
  await tf.setBackend('cpu');
  const gru = createMaskedGru(3, 5);
  const batch = [
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    [[1, 0, 0]],
  ];
  const { outputs, last } = encodeBatch(gru, batch);
  // the short sequence's final state equals its state after the first step
  const short = encodeBatch(gru, [batch[1]]);
  const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(last.slice([1, 0], [1, -1]), short.last))));
  console.log('padding-invariant:', diff.dataSync()[0] < 1e-6);
  tf.dispose([outputs, last, short.outputs, short.last, diff]);
}
