// expect: bptt-cut
// Sentiment trainer: load a batch, encode it with our hand-written RNN, then fit the weights, all as one promise chain.
const tf = require('@tensorflow/tfjs');

function createModel(vocab, embedDim, units, seed) {
  const s = seed || 61;
  return {
    units,
    E: tf.variable(tf.randomNormal([vocab, embedDim], 0, 0.3, 'float32', s), true),
    Wx: tf.variable(tf.randomNormal([embedDim, units], 0, 0.3, 'float32', s + 1), true),
    Wh: tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', s + 2), true),
    Wo: tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', s + 3), true),
    bo: tf.variable(tf.zeros([1]), true),
  };
}

function encode(model, tokenBatch) {
  return tf.tidy(() => {
    const [batch, time] = tokenBatch.shape;
    let h = tf.zeros([batch, model.units]);
    for (let t = 0; t < time; t++) {
      const ids = tokenBatch.slice([0, t], [-1, 1]).reshape([batch]);
      const x = tf.gather(model.E, ids);
      h = tf.tanh(x.matMul(model.Wx).add(h.matMul(model.Wh)));
    }
    return h;
  });
}

function classify(model, h) {
  return tf.sigmoid(h.matMul(model.Wo).add(model.bo));
}

function loadBatch(step) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < 16; i++) {
    const positive = (i + step) % 2 === 0;
    rows.push([1, 2, 3, 4].map((k) => (positive ? k : k + 10) + ((i * k) % 3)));
    labels.push([positive ? 1 : 0]);
  }
  return Promise.resolve({ tokens: tf.tensor2d(rows, undefined, 'int32'), labels: tf.tensor2d(labels) });
}

function trainOnBatch(model, optimizer, step) {
  return loadBatch(step)
    .then((batch) => ({ batch, h: encode(model, batch.tokens) }))
    .then(({ batch, h }) => {
      const loss = optimizer.minimize(() => tf.losses.logLoss(batch.labels, classify(model, h)), true);
      const value = loss.dataSync()[0];
      tf.dispose([loss, h, batch.tokens, batch.labels]);
      return value;
    });
}

function train(model, steps) {
  const optimizer = tf.train.adam(0.03);
  const losses = [];
  let chain = Promise.resolve();
  for (let s = 0; s < steps; s++) {
    chain = chain.then(() => trainOnBatch(model, optimizer, s)).then((l) => losses.push(l));
  }
  return chain.then(() => losses);
}

module.exports = { createModel, encode, classify, train };

if (require.main === module) {
  const model = createModel(20, 8, 12);
  train(model, 30).then((losses) => {
    console.log('loss', losses[0].toFixed(4), '->', losses[losses.length - 1].toFixed(4));
  });
}
