// LSTM steps that compute new `h` and `c` from the state object and hand the object back as it came.
const tf = require('@tensorflow/tfjs');

function makeCell(inputs, units) {
  const W = tf.randomNormal([inputs + units, 4 * units], 0, 0.3);
  const Wy = tf.randomNormal([units, 1], 0, 0.5);
  return (x, state) =>
    tf.tidy(() => {
      const [i, f, o, g] = tf.split(tf.concat([x, state.h], 1).matMul(W), 4, 1);
      const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(c));
      return { y: h.matMul(Wy), state };
//                              ~~~~~ returns-input-state
    });
}

function step(x, memory, W) {
  const hNew = tf.tanh(tf.concat([x, memory.h], 1).matMul(W));
  const cNew = memory.c.add(hNew);
  return [hNew, memory];
//              ~~~~~~ returns-input-state
}

module.exports = { makeCell, step };
