// expect: state-leak
const tf = require('@tensorflow/tfjs');

function buildStatefulModel(batchSize, features, classes) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 64,
    stateful: true,
    returnSequences: false,
    batchInputShape: [batchSize, 1, features],
  }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  return model;
}

// each session is a separate user's click stream
async function trainOnSessions(model, sessions, epochs) {
  for (let e = 0; e < epochs; e++) {
    let lossSum = 0;
    let n = 0;
    for (const session of sessions) {
      for (let i = 0; i < session.xs.length; i++) {
        const loss = await model.trainOnBatch(session.xs[i], session.ys[i]);
        lossSum += loss;
        n++;
      }
    }
    model.resetStates();
    console.log(`epoch ${e}: loss=${(lossSum / n).toFixed(4)}`);
  }
}

module.exports = { buildStatefulModel, trainOnSessions };
