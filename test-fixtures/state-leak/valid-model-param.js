// A function that takes a model as a plain parameter, where the stateful builder's result is not
// the only thing passed to it, or the callback resets first.
const tf = require('@tensorflow/tfjs');

function build() {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 12, 3] }));
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

async function scoreAll(model, patients) {
  return Promise.all(patients.map(async (p) => (await model.predict(p.series).data())[0]));
}

async function scoreEach(model, patients) {
  const out = [];
  for (const p of patients) {
    model.resetStates();
    out.push((await model.predict(p.series).data())[0]);
  }
  return out;
}

async function main(patients, pretrained) {
  const a = await scoreAll(pretrained, patients);
  const b = await scoreEach(build(), patients);
  return [a, b];
}

module.exports = { main, scoreAll };
