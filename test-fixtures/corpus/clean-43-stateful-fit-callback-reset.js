// expect: none
const tf = require('@tensorflow/tfjs-node');

async function trainStateful(xs, ys) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, stateful: true, batchInputShape: [1, 50, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });
  await model.fit(xs, ys, {
    epochs: 20,
    batchSize: 1,
    shuffle: false,
    callbacks: {
      onEpochEnd: async () => {
        model.resetStates();
      },
    },
  });
  return model;
}

module.exports = { trainStateful };
