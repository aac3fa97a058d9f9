// The same evaluation, correct: the states are reset before each independent wave. And a helper
// that walks the consecutive chunks of ONE long series by index keeps the state across them on
// purpose (it is one sequence), called once.
const tf = require('@tensorflow/tfjs');

const range = (n) => [...Array(n).keys()];

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 1, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

function evaluateWave(model, wave) {
  let err = 0;
  for (const t of range(wave.length - 1)) {
    const pred = tf.tidy(() => model.predict(tf.tensor3d([[[wave[t]]]])).dataSync()[0]);
    err += (pred - wave[t + 1]) ** 2;
  }
  return err / (wave.length - 1);
}

function main(waves, series) {
  const model = buildModel();
  const out = [];
  for (const [name, wave] of Object.entries(waves)) {
    model.resetStates();
    out.push([name, evaluateWave(model, wave)]);
  }
  model.resetStates();
  out.push(['series', evaluateWave(model, series)]);
  return out;
}

module.exports = { main };
