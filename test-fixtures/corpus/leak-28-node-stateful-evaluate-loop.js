// expect: state-leak
const tf = require('@tensorflow/tfjs-node');

// Evaluates each held-out recording separately with a stateful model and never resets it.
async function evaluateRecordings(model, recordings) {
  const losses = [];
  for (const { x, y } of recordings) {
    const result = model.evaluate(x, y, { batchSize: 1 });
    losses.push((await result.data())[0]);
  }
  return losses;
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, 8, 13] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}

module.exports = { evaluateRecordings, buildModel };
