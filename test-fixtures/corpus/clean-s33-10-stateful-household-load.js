// expect: none
// Stateful GRU forecaster for several households' hourly load curves, trained Keras "stateful=True" style.
const tf = require('@tensorflow/tfjs');

const chunk_len = 24;
const n_epochs = 8;
const train_hours = 24 * 25;

const range = (n) => [...Array(n).keys()];

function load_curve(n_hours, base, peak_hour) {
  return range(n_hours).map((t) => {
    const hour = t % 24;
    return base + Math.exp(-((hour - peak_hour) ** 2) / 8) + 0.05 * (Math.random() - 0.5);
  });
}

const households = {
  house_a: load_curve(24 * 30, 0.3, 19),
  house_b: load_curve(24 * 30, 0.5, 7),
  house_c: load_curve(24 * 30, 0.2, 13),
};

// consecutive, non-overlapping windows of one series; the target is the input shifted by one hour
function* chunks(series) {
  for (let start = 0; start + chunk_len + 1 <= series.length; start += chunk_len) {
    const x = series.slice(start, start + chunk_len).map((v) => [v]);
    const y = series.slice(start + 1, start + chunk_len + 1).map((v) => [v]);
    yield [tf.tensor3d([x]), tf.tensor3d([y])];
  }
}

function build_model() {
  const model = tf.sequential();
  model.add(tf.layers.gru({
    units: 32,
    stateful: true,
    returnSequences: true,
    batchInputShape: [1, chunk_len, 1],
  }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });
  return model;
}

async function train(model) {
  for (const epoch of range(n_epochs)) {
    const losses = [];
    for (const [house, series] of Object.entries(households)) {
      model.resetStates();
      for (const [x, y] of chunks(series.slice(0, train_hours))) {
        losses.push(await model.trainOnBatch(x, y));
        tf.dispose([x, y]);
      }
    }
    model.resetStates();
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    console.log(`epoch ${epoch + 1}: mse ${mean.toFixed(5)}`);
  }
}

// warm the state on the training days, then score the held-out days of the same house
function evaluate(model) {
  const scores = {};
  for (const [house, series] of Object.entries(households)) {
    model.resetStates();
    let sq_err = 0;
    let n = 0;
    for (const [i, [x, y]] of [...chunks(series)].entries()) {
      const pred = model.predict(x);
      if (i * chunk_len >= train_hours) {
        sq_err += tf.tidy(() => tf.sum(tf.squaredDifference(pred, y)).dataSync()[0]);
        n += chunk_len;
      }
      tf.dispose([x, y, pred]);
    }
    scores[house] = (sq_err / n).toFixed(5);
  }
  model.resetStates();
  return scores;
}

(async () => {
  const model = build_model();
  await train(model);
  console.log('held-out mse per house:', evaluate(model));
})();
