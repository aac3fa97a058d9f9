// State objects handed on: rebuilt with the new members, returned whole by a step that only reads
// them (an attention memory), or updated in place before they are returned.
const tf = require('@tensorflow/tfjs');

function makeCell(inputs, units) {
  const W = tf.randomNormal([inputs + units, 4 * units], 0, 0.3);
  return (x, state) =>
    tf.tidy(() => {
      const [i, f, o, g] = tf.split(tf.concat([x, state.h], 1).matMul(W), 4, 1);
      const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(c));
      return { y: h, state: { h, c } };
    });
}

function attend(h, memory) {
  const scores = tf.matMul(h, memory.keys, false, true);
  const context = tf.matMul(tf.softmax(scores), memory.values);
  return { context, memory };
}

function stepInPlace(x, state, W) {
  const h = tf.tanh(tf.concat([x, state.h], 1).matMul(W));
  state.h = h;
  return [h, state];
}

module.exports = { makeCell, attend, stepInPlace };
