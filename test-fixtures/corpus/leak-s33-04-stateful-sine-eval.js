// expect: state-leak
// Stateful Keras-style LSTM that learns to continue a sine wave one step at a time (port of a Keras stateful-LSTM tutorial).
const tf = require('@tensorflow/tfjs');

const batch_size = 1;
const look_back = 1;
const n_epochs = 30;

function range(n) {
  return [...Array(n).keys()];
}

function make_wave(length, freq, phase = 0) {
  return range(length).map((t) => Math.sin(freq * t + phase));
}

// X[i] = series[i : i + look_back], Y[i] = series[i + look_back]
function create_dataset(series) {
  const data_x = [];
  const data_y = [];
  for (const i of range(series.length - look_back)) {
    data_x.push(series.slice(i, i + look_back).map((v) => [v]));
    data_y.push([series[i + look_back]]);
  }
  return [tf.tensor3d(data_x), tf.tensor2d(data_y)];
}

function build_model() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [batch_size, look_back, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

async function train(model, series) {
  const [train_x, train_y] = create_dataset(series);
  for (const epoch of range(n_epochs)) {
    const history = await model.fit(train_x, train_y, {
      epochs: 1,
      batchSize: batch_size,
      shuffle: false,
      verbose: 0,
    });
    model.resetStates();
    if (epoch % 5 === 0) {
      console.log(`epoch ${epoch} loss=${history.history.loss[0].toFixed(5)}`);
    }
  }
  tf.dispose([train_x, train_y]);
}

// one-step-ahead error, feeding the true value at every step
function evaluate_wave(model, wave) {
  let sq_err = 0;
  for (const t of range(wave.length - 1)) {
    const pred = tf.tidy(() => model.predict(tf.tensor3d([[[wave[t]]]])).dataSync()[0]);
    sq_err += (pred - wave[t + 1]) ** 2;
  }
  return sq_err / (wave.length - 1);
}

async function main() {
  const model = build_model();
  await train(model, make_wave(400, 0.1));

  const test_waves = {
    same_freq: make_wave(100, 0.1, 1.3),
    slower: make_wave(100, 0.05),
    faster: make_wave(100, 0.2, 0.4),
    same_freq_shifted: make_wave(100, 0.1, 2.9),
  };

  const results = [];
  for (const [name, wave] of Object.entries(test_waves)) {
    const mse = evaluate_wave(model, wave);
    results.push([name, mse]);
  }
  for (const [name, mse] of results) {
    console.log(`${name.padEnd(18)} mse=${mse.toFixed(5)}`);
  }
}

main();
