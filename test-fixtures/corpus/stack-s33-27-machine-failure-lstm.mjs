// expect: stacked-activation
// Machine-failure early warning: a stacked LSTM reads 48 hours of sensor readings and reports a failure probability.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 48;
const N_SENSORS = 5;

const range = (n) => Array.from({ length: n }, (_, i) => i);

function simulate_machine(failing) {
  const drift = failing ? 0.02 + Math.random() * 0.03 : 0;
  return range(WINDOW).map((t) =>
    range(N_SENSORS).map((s) =>
      0.3 * Math.sin(t / 6 + s) + drift * t * (s % 2 === 0 ? 1 : -1) + 0.1 * (Math.random() - 0.5)));
}

function make_dataset(n) {
  const labels = range(n).map(() => (Math.random() < 0.25 ? 1 : 0));
  const xs = labels.map((l) => simulate_machine(l === 1));
  return { x: tf.tensor3d(xs), y: tf.tensor2d(labels.map((l) => [l])), labels };
}

function build_model() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, returnSequences: true, inputShape: [WINDOW, N_SENSORS] }));
  model.add(tf.layers.lstm({ units: 16 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

function predict_proba(model, x) {
  return tf.tidy(() => {
    const out = model.predict(x);
    return Array.from(tf.sigmoid(out).dataSync());
  });
}

function classification_report(probs, labels, threshold = 0.5) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  probs.forEach((p, i) => {
    const pred = p >= threshold ? 1 : 0;
    if (pred === 1 && labels[i] === 1) tp++;
    else if (pred === 1) fp++;
    else if (labels[i] === 1) fn++;
    else tn++;
  });
  return {
    precision: (tp / Math.max(tp + fp, 1)).toFixed(3),
    recall: (tp / Math.max(tp + fn, 1)).toFixed(3),
    accuracy: ((tp + tn) / probs.length).toFixed(3),
  };
}

const train = make_dataset(800);
const test = make_dataset(200);
const model = build_model();

await model.fit(train.x, train.y, {
  epochs: 12,
  batchSize: 32,
  validationSplit: 0.1,
  callbacks: {
    onEpochEnd: (epoch, logs) => console.log(`epoch ${epoch + 1}: loss ${logs.loss.toFixed(4)} val_loss ${logs.val_loss.toFixed(4)}`),
  },
});

const probs = predict_proba(model, test.x);
console.log('test report:', classification_report(probs, test.labels));

// live fleet: raise a ticket for machines above the alert threshold
const fleet = { 'press-01': simulate_machine(false), 'press-02': simulate_machine(true), 'lathe-07': simulate_machine(false) };
const fleet_x = tf.tensor3d(Object.values(fleet));
predict_proba(model, fleet_x).forEach((p, i) => {
  const name = Object.keys(fleet)[i];
  console.log(`${name}: p(failure)=${p.toFixed(3)}${p >= 0.5 ? '  -> ALERT' : ''}`);
});
tf.dispose([train.x, train.y, test.x, test.y, fleet_x]);
