// expect: stacked-activation
// Trains a small LSTM that labels the next session as down / flat / up and prints the class odds for the latest window.
const tf = require('@tensorflow/tfjs');

const WINDOW = 10;
const FEATURES = 2;
const LABELS = ['down', 'flat', 'up'];

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [WINDOW, FEATURES] }));
  model.add(tf.layers.dense({ units: LABELS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

function makeDataset(closes, volumes) {
  const xs = [];
  const ys = [];
  for (let i = WINDOW; i < closes.length - 1; i++) {
    const win = [];
    for (let j = i - WINDOW + 1; j <= i; j++) {
      win.push([(closes[j] / closes[j - 1] - 1) * 100, volumes[j] / 1e6]);
    }
    const nextRet = closes[i + 1] / closes[i] - 1;
    const label = nextRet < -0.002 ? 0 : nextRet > 0.002 ? 2 : 1;
    xs.push(win);
    ys.push(label);
  }
  return {
    x: tf.tensor3d(xs),
    y: tf.oneHot(tf.tensor1d(ys, 'int32'), LABELS.length),
  };
}

function classOdds(model, windowTensor) {
  return tf.tidy(() => {
    const logits = model.predict(windowTensor);
    return tf.softmax(logits);
  });
}

async function run() {
  const closes = [100];
  const volumes = [1e6];
  for (let i = 1; i < 300; i++) {
    const drift = Math.sin(i / 15) * 0.004;
    closes.push(closes[i - 1] * (1 + drift + 0.003 * Math.cos(i * 1.3)));
    volumes.push(1e6 + 2e5 * Math.sin(i / 7));
  }
  const { x, y } = makeDataset(closes, volumes);
  const model = buildModel();
  const hist = await model.fit(x, y, { epochs: 5, batchSize: 32, verbose: 0, shuffle: true });
  console.log('final loss', hist.history.loss[hist.history.loss.length - 1].toFixed(4));

  const last = x.slice([x.shape[0] - 1, 0, 0], [1, WINDOW, FEATURES]);
  const odds = classOdds(model, last);
  const values = await odds.data();
  LABELS.forEach((name, k) => console.log(`${name.padEnd(5)} ${(values[k] * 100).toFixed(1)}%`));
  const best = values.indexOf(Math.max(...values));
  console.log('call:', LABELS[best]);
  tf.dispose([x, y, last, odds]);
  return Array.from(values);
}

module.exports = { buildModel, makeDataset, classOdds, run };

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
