// expect: none
// The step reassigns its own parameters: the returned h and c are the new values.
const tf = require('@tensorflow/tfjs');

const H = 12;
const W = tf.variable(tf.randomNormal([7 + H, 4 * H], 0, 0.05));
const b = tf.variable(tf.zeros([4 * H]));

function lstmStep(x, h, c) {
  const z = tf.concat([x, h], 1).matMul(W).add(b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  h = tf.sigmoid(o).mul(tf.tanh(c));
  return [h, c];
}

function run(xs) {
  let h = tf.zeros([1, H]);
  let c = tf.zeros([1, H]);
  for (const x of xs) {
    [h, c] = lstmStep(x, h, c);
  }
  return h;
}

module.exports = { lstmStep, run };
