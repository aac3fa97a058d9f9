// expect: none
const tf = require('@tensorflow/tfjs-node');

async function train(xs, ys, epochs) {
  const model = tf.sequential();
  model.add(tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 16 }), inputShape: [20, 3] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  for (let epoch = 0; epoch < epochs; epoch++) {
    const h = await model.fit(xs, ys, { epochs: 1, batchSize: 32, shuffle: true });
    console.log(epoch, h.history.loss[0]);
  }
  return model;
}

module.exports = { train };
