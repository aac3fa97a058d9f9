// expect: state-leak
// One stateful model fine-tuned on each user's history in turn; the GRU state left by one user's
// last batch is where the next user's first batch starts.
const tf = require('@tensorflow/tfjs');

async function personalize(model, users) {
  for (const user of users) {
    await model.fit(user.xs, user.ys, { epochs: 1, batchSize: 1, shuffle: false });
  }
}

function build() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 8, stateful: true, batchInputShape: [1, 10, 3] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  return model;
}

module.exports = { personalize, build };
