// The layers live in the object a builder returns; the evaluation reads the softmax head from it
// and gives its probabilities to a loss that takes logits.
const tf = require('@tensorflow/tfjs');

function buildNet(items, units) {
  const cell = tf.layers.gruCell({ units });
  const head = tf.layers.dense({ units: items, activation: 'softmax' });
  return { cell, head };
}

function stepLoss(net, x, h, target) {
  const [out, next] = net.cell.call([x, h], {});
  const scores = net.head.apply(out);
  const loss = tf.losses.softmaxCrossEntropy(target, scores);
//                                                   ~~~~~~ stacked-activation
  return [loss, next];
}

const net = buildNet(100, 16);
module.exports = { stepLoss: (x, h, target) => stepLoss(net, x, h, target) };
