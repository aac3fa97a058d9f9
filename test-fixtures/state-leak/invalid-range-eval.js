// A stateful LSTM reset per epoch in training; the evaluation feeds each independent test wave
// one step at a time through a helper (`for (const t of range(wave.length - 1))`) and never resets
// between waves.
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

function main(waves) {
  const model = buildModel();
  const out = [];
  for (const [name, wave] of Object.entries(waves)) out.push([name, evaluateWave(model, wave)]);
//                                                                  ~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
  return out;
}

module.exports = { main };
