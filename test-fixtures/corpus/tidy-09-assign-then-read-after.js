// expect: tidy-disposed-state
const tf = require('@tensorflow/tfjs');

function finalState(cell, xs, units) {
  let state = tf.zeros([1, units]);
  let t = 0;
  while (t < xs.length) {
    tf.tidy(() => {
      const [, s] = cell.call([xs[t], state], {});
      state = s;
    });
    t++;
  }
  return state.arraySync();
}

module.exports = { finalState };
