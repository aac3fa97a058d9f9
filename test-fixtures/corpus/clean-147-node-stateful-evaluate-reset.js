// expect: none
const tf = require('@tensorflow/tfjs-node');

async function evaluateRecordings(model, recordings) {
  const losses = [];
  for (const { x, y } of recordings) {
    model.resetStates();
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
