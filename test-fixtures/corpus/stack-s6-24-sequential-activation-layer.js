// expect: stacked-activation
// A vibration-sensor anomaly model: an LSTM summarises each window, a dense layer scores it and the score is turned into an anomaly probability.
const tf = require('@tensorflow/tfjs');

const WINDOW = 128;
const AXES = 3;

function buildAnomalyModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [WINDOW, AXES], returnSequences: true }));
  model.add(tf.layers.lstm({ units: 16 }));
  model.add(tf.layers.dense({ units: 1, activation: 'relu', name: 'score' }));
  model.add(tf.layers.activation({ activation: 'sigmoid', name: 'anomaly_prob' }));
  model.compile({
    optimizer: tf.train.adam(1e-3),
    loss: 'binaryCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

function windows(signal, labels) {
  const xs = [];
  const ys = [];
  for (let i = 0; i + WINDOW <= signal.length; i += WINDOW / 2) {
    xs.push(signal.slice(i, i + WINDOW));
    ys.push([labels.slice(i, i + WINDOW).some(Boolean) ? 1 : 0]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

async function trainAnomalyModel(signal, labels) {
  const model = buildAnomalyModel();
  const { xs, ys } = windows(signal, labels);
  await model.fit(xs, ys, {
    epochs: 20,
    batchSize: 32,
    validationSplit: 0.2,
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 3 }),
  });
  tf.dispose([xs, ys]);
  return model;
}

async function scoreStream(model, signal) {
  const out = [];
  for (let i = 0; i + WINDOW <= signal.length; i += WINDOW) {
    const x = tf.tensor3d([signal.slice(i, i + WINDOW)]);
    const p = model.predict(x);
    out.push({ offset: i, prob: (await p.data())[0] });
    tf.dispose([x, p]);
  }
  return out;
}

module.exports = { buildAnomalyModel, trainAnomalyModel, scoreStream };
