// expect: none
const tf = require('@tensorflow/tfjs');

// A single continuous power-consumption series, split into consecutive
// batches. State is carried across batches and reset once per epoch.
function buildModel(features) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 64, stateful: true, batchInputShape: [1, 24, features] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

async function trainContinuous(model, windows, targets, epochs) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (let i = 0; i < windows.length; i++) {
      total += await model.trainOnBatch(windows[i], targets[i]);
    }
    model.resetStates();
    console.log(`epoch ${epoch} mse=${(total / windows.length).toFixed(5)}`);
  }
}

async function forecastNext(model, windows) {
  model.resetStates();
  let pred = null;
  for (const w of windows) {
    if (pred) pred.dispose();
    pred = model.predict(w);
  }
  return (await pred.data())[0];
}

module.exports = { buildModel, trainContinuous, forecastNext };
