// State kept in a closure (or a module `let`) instead of passed in, read into a recurrent term
// that is then dropped.
const tf = require('@tensorflow/tfjs');

function createUnit(inDim, units) {
  const Wx = tf.variable(tf.randomNormal([inDim, units], 0, 0.1));
  const Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  let h = tf.zeros([1, units]);

  function step(x) {
//         ~~~~ unused-hidden-state
    const next = tf.tidy(() => {
      const pre = x.matMul(Wx);
      const recurrent = pre.add(h.matMul(Wh));
      return tf.tanh(pre);
    });
    h.dispose();
    h = next;
    return next.clone();
  }

  function reset() {
    h.dispose();
    h = tf.zeros([1, units]);
  }

  return { step, reset };
}

// A module-level state advanced by an arrow.
const U = tf.variable(tf.randomNormal([4, 4], 0, 0.1));
const W = tf.variable(tf.randomNormal([3, 4], 0, 0.1));
let hidden = tf.zeros([1, 4]);

const advance = (x) => {
//    ~~~~~~~ unused-hidden-state
  const carried = tf.matMul(hidden, U);
  const next = tf.relu(tf.matMul(x, W));
  hidden.dispose();
  hidden = next;
  return next;
};

// An object method keeps `memory` but never reads it, next to a recurrent weight it never uses.
function createEncoder(units) {
  const Wx = tf.randomNormal([3, units]);
  const Wh = tf.randomNormal([units, units]);
  let memory = tf.zeros([1, units]);
  return {
    update(x) {
//  ~~~~~~ unused-hidden-state
      const next = tf.tidy(() => tf.tanh(x.matMul(Wx)));
      memory.dispose();
      memory = next;
      return next.clone();
    },
    dispose() {
      tf.dispose([Wx, Wh, memory]);
    },
  };
}

module.exports = { createUnit, advance, createEncoder };
