// An attention encoder that keeps each state as a JS row for a heatmap, and hands the decoder its
// last state as the tensor itself.
const tf = require('@tensorflow/tfjs');

const H = 8;
const encW = tf.variable(tf.randomNormal([2 * H, H], 0, 0.3));
const decW = tf.variable(tf.randomNormal([2 * H, H], 0, 0.3));
const outW = tf.variable(tf.randomNormal([H, 4], 0, 0.3));

const cell = (W, x, h) => tf.tanh(tf.matMul(tf.concat([x, h], 1), W));

function encode(xs) {
  const rows = [];
  let h = tf.zeros([1, H]);
  xs.forEach((x) => {
    h = cell(encW, x, h);
    rows.push(h.arraySync()[0]);
  });
  return { heatmap: tf.tensor2d(rows), last: h };
}

function loss(xs, ys) {
  const { heatmap, last } = encode(xs);
  heatmap.dispose();
  let h = last;
  const losses = [];
  for (const y of ys) {
    h = cell(decW, tf.zerosLike(h), h);
    losses.push(tf.losses.softmaxCrossEntropy(y, tf.matMul(h, outW)));
  }
  return tf.addN(losses);
}

function trainStep(xs, ys) {
  return tf.variableGrads(() => loss(xs, ys));
}

module.exports = { trainStep };
