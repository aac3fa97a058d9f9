// Loads a batch, encodes it with a hand-written RNN, then fits the weights, as one promise chain.
const tf = require('@tensorflow/tfjs');

function encode(model, xs) {
  let h = tf.zeros([xs[0].shape[0], model.units]);
  for (const x of xs) h = tf.tanh(x.matMul(model.Wx).add(h.matMul(model.Wh)));
  return h;
}

function trainOnBatch(model, optimizer, loadBatch) {
  return loadBatch()
    .then((batch) => ({ batch, h: encode(model, batch.xs) }))
    .then(({ batch, h }) => optimizer.minimize(() => tf.losses.meanSquaredError(batch.ys, h.matMul(model.Wo)), true));
  //                                                                                      ~ bptt-cut
}

module.exports = { trainOnBatch };
