// expect: none
const tf = require('@tensorflow/tfjs');

function makeStep(W, U, b, padId) {
  return function step(tokenId, x, prevState) {
    if (tokenId === padId) {
      // padding: carry the state through untouched
      return prevState;
    }
    return tf.tidy(() =>
      tf.tanh(tf.matMul(x, W).add(tf.matMul(prevState, U)).add(b)),
    );
  };
}

function encode(step, embed, tokenIds, h0) {
  let state = h0;
  tokenIds.forEach((id) => {
    const x = embed(id);
    const next = step(id, x, state);
    if (next !== state && state !== h0) state.dispose();
    state = next;
    x.dispose();
  });
  return state;
}

module.exports = { makeStep, encode };
