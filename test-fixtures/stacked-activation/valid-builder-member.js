// Heads kept in the object a builder returns, used as they are meant: the linear head's logits go
// to `softmaxCrossEntropy`, the softmax head's probabilities to `argMax` and a loss on probabilities.
const tf = require('@tensorflow/tfjs');

function buildNet(items, units) {
  const cell = tf.layers.gruCell({ units });
  const logits = tf.layers.dense({ units: items });
  const probs = tf.layers.dense({ units: items, activation: 'softmax' });
  return { cell, logits, probs };
}

function stepLoss(net, x, h, target) {
  const [out, next] = net.cell.call([x, h], {});
  const scores = net.logits.apply(out);
  const loss = tf.losses.softmaxCrossEntropy(target, scores);
  return [loss, next];
}

function stepRank(net, x, h, target) {
  const [out, next] = net.cell.call([x, h], {});
  const p = net.probs.apply(out);
  return [p.argMax(-1), tf.metrics.categoricalCrossentropy(target, p), next];
}

const net = buildNet(100, 16);
module.exports = {
  stepLoss: (x, h, target) => stepLoss(net, x, h, target),
  stepRank: (x, h, target) => stepRank(net, x, h, target),
};
