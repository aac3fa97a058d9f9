// A pen RNN proposes the next stroke each animation frame, carrying its state from frame to frame;
// a one-off delayed probe starts from the initial state on purpose.
const tf = require('@tensorflow/tfjs');

const W = tf.randomNormal([3, 16]);
const U = tf.randomNormal([16, 16]);

function penStep(pen, h) {
  return tf.tidy(() => tf.tanh(tf.matMul(pen, W).add(tf.matMul(h, U))));
}

function startDoodle(draw) {
  let pen = tf.tensor2d([[0, 0, 1]]);
  let hidden = tf.zeros([1, 16]);
  const frame = () => {
    const h = penStep(pen, hidden);
    hidden.dispose();
    hidden = h;
    pen = draw(h);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function probeLater(read, report) {
  const h0 = tf.zeros([1, 16]);
  let first = null;
  setTimeout(() => {
    first = penStep(read(), h0);
    report(first);
  }, 500);
}

module.exports = { startDoodle, probeLater };
