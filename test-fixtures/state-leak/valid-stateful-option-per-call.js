// Look-alikes of a builder whose `stateful` comes from its caller: the stateful copy reset per user,
// the stateless training copy run over users, a flag whose value is not known here, and a helper given
// the stateful copy with a reset per customer or the stateless one with none.
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
    model.resetStates();
    let sum = 0;
    for (let i = 0; i < events.length; i++) sum += model.predict(tf.tensor3d([[events[i]]])).dataSync()[0];
    scores.push({ userId, sum });
  }
  return scores;
}

function evaluate(model, streams) {
  const scores = [];
  for (const [userId, events] of streams) {
    let sum = 0;
    for (let i = 0; i < events.length; i++) sum += model.predict(tf.tensor3d([[events[i]]])).dataSync()[0];
    scores.push({ userId, sum });
  }
  return scores;
}

function lstmStack(batchInputShape, stateful) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, batchInputShape, stateful }));
  return model;
}

function riskOf(model, month) {
  return tf.tidy(() => model.predict(tf.tensor3d([[month]])).dataSync()[0]);
}

function monthlyRisk(customers, trained) {
  const streaming = lstmStack([1, 1, 3], true);
  const windowed = lstmStack([null, 1, 3], false);
  return customers.map((customer) => {
    streaming.resetStates();
    const online = customer.months.map((month) => riskOf(streaming, month));
    const offline = customer.months.map((month) => riskOf(windowed, month));
    return { online, offline, trained };
  });
}

function fromFlags(flags, streams) {
  const model = buildModel({ stateful: flags.stateful });
  return evaluate(model, streams);
}

const trainModel = buildModel({ stateful: false });
const serveModel = buildModel({ stateful: true });
serveModel.setWeights(trainModel.getWeights());
module.exports = {
  serve: () => serve(serveModel, new Map()),
  evaluate: (streams) => evaluate(trainModel, streams),
  monthlyRisk,
  fromFlags,
};
