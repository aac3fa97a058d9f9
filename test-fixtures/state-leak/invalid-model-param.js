// A stateful model handed to a function as a plain parameter: the only model the file builds.
const tf = require('@tensorflow/tfjs');

function build() {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 12, 3] }));
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

// Independent patients scored "in parallel": predict still runs them one after another, and the
// state of one flows into the next.
async function scoreAll(model, patients) {
  return Promise.all(patients.map(async (p) => (await model.predict(p.series).data())[0]));
//                                                    ~~~~~~~~~~~~~~~~~~~~~~~ state-leak
}

async function main(patients) {
  return scoreAll(build(), patients);
}

module.exports = { main };
