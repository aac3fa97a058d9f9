// expect: bptt-cut
// Node training script for a character-level GRU using tf.variableGrads; bug: inside the loss closure each new hidden state is read back with arraySync() and rebuilt with tf.tensor2d, cutting the gradient path between steps.
const tf = require('@tensorflow/tfjs-node');

const VOCAB = 64;
const HIDDEN = 96;
const v = (shape, name) => tf.variable(tf.randomNormal(shape, 0, 0.08), true, name);
const params = {
  Wz: v([VOCAB + HIDDEN, HIDDEN], 'Wz'),
  Wr: v([VOCAB + HIDDEN, HIDDEN], 'Wr'),
  Wh: v([VOCAB + HIDDEN, HIDDEN], 'Wh'),
  Wy: v([HIDDEN, VOCAB], 'Wy'),
  by: tf.variable(tf.zeros([VOCAB]), true, 'by'),
};

function gruStep(x, h) {
  const xh = tf.concat([x, h], 1);
  const z = xh.matMul(params.Wz).sigmoid();
  const r = xh.matMul(params.Wr).sigmoid();
  const cand = tf.concat([x, r.mul(h)], 1).matMul(params.Wh).tanh();
  return tf.sub(1, z).mul(h).add(z.mul(cand));
}

function lossFn(batchX, batchY) {
  return () => {
    let h = tf.zeros([batchX[0].shape[0], HIDDEN]);
    let total = tf.scalar(0);
    batchX.forEach((x, t) => {
      const hNext = gruStep(x, h);
      const logits = hNext.matMul(params.Wy).add(params.by);
      total = total.add(tf.losses.softmaxCrossEntropy(batchY[t], logits));
      h = tf.tensor2d(hNext.arraySync());
    });
    return total.div(batchX.length);
  };
}

async function train(batches, epochs = 5) {
  const optimizer = tf.train.rmsprop(0.002);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { xs, ys } of batches) {
      const { value, grads } = tf.variableGrads(lossFn(xs, ys));
      optimizer.applyGradients(grads);
      console.log(`epoch ${epoch} loss ${value.dataSync()[0].toFixed(4)}`);
      tf.dispose([value, ...Object.values(grads)]);
    }
  }
}

module.exports = { train, gruStep, params };
