// expect: state-leak
const tf = require('@tensorflow/tfjs-node');

function buildModel(batchSize, timesteps, features) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [batchSize, timesteps, features] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}

async function train(xs, ys, epochs) {
  const model = buildModel(4, 10, 2);
  // Every epoch restarts at the beginning of the series, but the GRU still holds the
  // state from the end of the previous epoch.
  for (let epoch = 0; epoch < epochs; epoch++) {
    const h = await model.fit(xs, ys, { epochs: 1, batchSize: 4, shuffle: false });
    console.log(`epoch ${epoch}: loss ${h.history.loss[0]}`);
  }
  return model;
}

module.exports = { train };
