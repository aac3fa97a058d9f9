// Loads a batch and fits the weights as one promise chain; the encoding runs inside the closure.
// A later continuation logs the final state of an evaluation pass, outside any gradient.
const tf = require('@tensorflow/tfjs');

function encode(model, xs) {
  let h = tf.zeros([xs[0].shape[0], model.units]);
  for (const x of xs) h = tf.tanh(x.matMul(model.Wx).add(h.matMul(model.Wh)));
  return h;
}

function trainOnBatch(model, optimizer, loadBatch) {
  return loadBatch()
    .then((batch) => ({ batch, size: batch.xs.length }))
    .then(({ batch }) => ({ batch, loss: optimizer.minimize(() => tf.losses.meanSquaredError(batch.ys, encode(model, batch.xs).matMul(model.Wo)), true) }))
    .then(({ batch, loss }) => ({ loss, h: encode(model, batch.xs) }))
    .then(({ loss, h }) => { h.print(); return loss; });
}

module.exports = { trainOnBatch };
