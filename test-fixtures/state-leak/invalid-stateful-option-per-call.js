// A builder takes `stateful` from its options: only the serving copy is stateful, and `serve` runs it
// over every user's events with no `resetStates()`, so each user starts from the previous user's state.
const tf = require('@tensorflow/tfjs');

function buildModel({ stateful, units = 8 }) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units, stateful, batchInputShape: stateful ? [1, 1, 4] : [null, 6, 4] }));
  model.add(tf.layers.dense({ units: 2 }));
  return model;
}

function serve(model, streams) {
  const scores = [];
  for (const [userId, events] of streams) {
    let sum = 0;
    for (let i = 0; i < events.length; i++) {
      sum += model.predict(tf.tensor3d([[events[i]]])).dataSync()[0];
//           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
    }
    scores.push({ userId, sum });
  }
  return scores;
}

// The flag passed plainly, and a helper with no loop that runs the model it is given once per call.
function lstmStack(batchInputShape, stateful) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, batchInputShape, stateful }));
  return model;
}

function riskOf(model, month) {
  return tf.tidy(() => model.predict(tf.tensor3d([[month]])).dataSync()[0]);
}

function monthlyRisk(customers) {
  const streaming = lstmStack([1, 1, 3], true);
  return customers.map((customer) => customer.months.map((month) => riskOf(streaming, month)));
//                                                                  ~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
}

const trainModel = buildModel({ stateful: false });
const serveModel = buildModel({ stateful: true });
serveModel.setWeights(trainModel.getWeights());
module.exports = { serve: () => serve(serveModel, new Map()), monthlyRisk, trainWindow: lstmStack([null, 6, 3], false) };
