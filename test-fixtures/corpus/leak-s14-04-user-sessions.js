// expect: state-leak
// Scores each user's click stream with a streaming GRU so the dashboard can show a churn risk per user.
const tf = require('@tensorflow/tfjs');

const FEATURES = 4;

function buildStreamingModel() {
  const model = tf.sequential();
  model.add(tf.layers.gru({
    units: 8,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, 1, FEATURES],
    kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 12 }),
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid',
    kernelInitializer: tf.initializers.glorotUniform({ seed: 13 }) }));
  return model;
}

function encodeClick(click) {
  return [
    click.durationSec / 60,
    click.page === 'pricing' ? 1 : 0,
    click.page === 'cancel' ? 1 : 0,
    click.scrolled ? 1 : 0,
  ];
}

function scoreUsers(model, users) {
  const scores = {};
  for (const user of users) {
    let risk = 0;
    for (const click of user.clicks) {
      const out = tf.tidy(() => {
        const x = tf.tensor3d([[encodeClick(click)]]);
        return model.predict(x);
      });
      risk = out.dataSync()[0];
      out.dispose();
    }
    scores[user.id] = risk;
  }
  return scores;
}

function demoUsers() {
  return [
    { id: 'u1', clicks: [
      { durationSec: 30, page: 'home', scrolled: true },
      { durationSec: 90, page: 'pricing', scrolled: true },
      { durationSec: 10, page: 'cancel', scrolled: false },
    ] },
    { id: 'u2', clicks: [
      { durationSec: 5, page: 'home', scrolled: false },
      { durationSec: 45, page: 'docs', scrolled: true },
    ] },
  ];
}

module.exports = { buildStreamingModel, scoreUsers, encodeClick };

if (require.main === module) {
  const model = buildStreamingModel();
  console.log(scoreUsers(model, demoUsers()));
}
