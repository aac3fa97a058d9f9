// expect: none
// The returned `state` is the new one declared in the inner block, shadowing the parameter.
const tf = require('@tensorflow/tfjs');

function step(x, state, p) {
  const next = tf.tanh(x.matMul(p.W).add(state.matMul(p.U)));
  {
    const state = next;
    return [state.matMul(p.V), state];
  }
}

module.exports = { step };
