// expect: state-leak
const tf = require('@tensorflow/tfjs');

function buildModel() {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 12, 2] }));
  m.add(tf.layers.dense({ units: 1 }));
  m.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return m;
}

// One model evaluated on every fold; each fold's first window starts from the previous fold's state.
async function crossValidate(folds) {
  const model = buildModel();
  const scores = [];
  for (const fold of folds) {
    const loss = model.evaluate(fold.xs, fold.ys, { batchSize: 1 });
    scores.push((await loss.data())[0]);
  }
  return scores;
}

module.exports = { crossValidate };
