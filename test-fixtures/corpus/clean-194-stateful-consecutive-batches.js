// expect: none
// Stateful training on ONE long series cut into consecutive batches (shuffle off): the state must
// flow from batch to batch within an epoch, and is reset at the end of every epoch.
const tf = require('@tensorflow/tfjs');

async function trainStateful(model, consecutiveBatches, epochs) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of consecutiveBatches) {
      await model.trainOnBatch(batch.x, batch.y);
    }
    model.resetStates();
  }
}

function build() {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 10, 1] }));
  m.add(tf.layers.dense({ units: 1 }));
  m.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return m;
}

module.exports = { trainStateful, build };
