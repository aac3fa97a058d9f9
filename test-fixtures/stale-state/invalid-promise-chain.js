// Frames stepped through a promise chain built with reduce: each continuation steps from the
// captured start state instead of the state the previous continuation resolved with.
const tf = require('@tensorflow/tfjs');

const Wx = tf.randomNormal([4, 8]);
const Wh = tf.randomNormal([8, 8]);
const cell = {
  step(x, h) {
    return tf.tidy(() => tf.tanh(x.matMul(Wx).add(h.matMul(Wh))));
  },
};

function streamSequence(frames, hidden) {
  return frames.reduce(
    (chain, frame) =>
      chain.then((prev) => {
        const next = cell.step(frame, hidden);
//                                    ~~~~~~ stale-state
        if (prev !== hidden) prev.dispose();
        return next;
      }),
    Promise.resolve(hidden)
  );
}

module.exports = { streamSequence };
