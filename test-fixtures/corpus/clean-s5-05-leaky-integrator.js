// expect: none
// Leaky-integrator recurrent unit: no recurrent matrix, the previous state enters only through h*alpha; trained with the whole unroll inside minimize and state reset per sequence.
const tf = require('@tensorflow/tfjs');

/**
 * @param {number} inDim
 * @param {number} units
 * @param {number} [alpha] retention factor of the previous state
 */
function createLeakyCell(inDim, units, alpha = 0.8) {
  const Wx = tf.variable(tf.randomNormal([inDim, units], 0, 0.3), true, 'leaky/Wx');
  const b = tf.variable(tf.zeros([units]), true, 'leaky/b');

  /**
   * @param {tf.Tensor2D} x [batch, inDim]
   * @param {tf.Tensor2D} h [batch, units]
   * @returns {tf.Tensor2D}
   */
  function step(x, h) {
    const drive = tf.tanh(tf.add(tf.matMul(x, Wx), b));
    return tf.add(tf.mul(h, alpha), tf.mul(drive, 1 - alpha));
  }

  /** @param {number} batch */
  function initial(batch) {
    return tf.zeros([batch, units]);
  }

  return { step, initial, variables: [Wx, b] };
}

/**
 * @param {ReturnType<typeof createLeakyCell>} cell
 * @param {tf.Tensor3D} seq [batch, time, inDim]
 */
function finalState(cell, seq) {
  const [batch, time] = seq.shape;
  let h = cell.initial(batch);
  for (let t = 0; t < time; t++) {
    const x = tf.squeeze(tf.slice(seq, [0, t, 0], [-1, 1, -1]), [1]);
    h = cell.step(x, h);
  }
  return h;
}

async function main() {
  await tf.setBackend('cpu');
  const cell = createLeakyCell(2, 6);
  const readout = tf.variable(tf.randomNormal([6, 1], 0, 0.1), true, 'readout');
  const opt = tf.train.adam(0.05);

  // each sequence is independent; finalState starts every batch from zeros
  const batches = Array.from({ length: 4 }, () => {
    const xs = tf.randomUniform([8, 5, 2], -1, 1);
    const ys = tf.mean(xs, [1, 2]).reshape([8, 1]);
    return { xs, ys };
  });

  for (let epoch = 0; epoch < 15; epoch++) {
    let total = 0;
    for (const { xs, ys } of batches) {
      const loss = opt.minimize(() => {
        const h = finalState(cell, xs);
        return tf.losses.meanSquaredError(ys, tf.matMul(h, readout));
      }, true);
      total += loss.dataSync()[0];
      loss.dispose();
    }
    if (epoch % 5 === 0) console.log(`epoch ${epoch} loss ${(total / batches.length).toFixed(4)}`);
  }
}

main();
