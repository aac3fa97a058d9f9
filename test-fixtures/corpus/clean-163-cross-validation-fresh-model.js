// expect: none
const tf = require('@tensorflow/tfjs');

function buildModel() {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 12, 2] }));
  m.add(tf.layers.dense({ units: 1 }));
  m.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return m;
}

async function crossValidate(folds) {
  const scores = [];
  for (const fold of folds) {
    const model = buildModel();
    await model.fit(fold.trainXs, fold.trainYs, { epochs: 1, batchSize: 1, shuffle: false });
    model.resetStates();
    const loss = model.evaluate(fold.xs, fold.ys, { batchSize: 1 });
    scores.push((await loss.data())[0]);
    model.dispose();
  }
  return scores;
}

module.exports = { crossValidate };
