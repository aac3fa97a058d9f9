// expect: stale-state
// Trains a GRU regressor on sensor sessions, then reuses its weights in a gruCell to embed sessions step by step.
const tf = require('@tensorflow/tfjs');

const FEATURES = 4;
const UNITS = 10;
const STEPS = 8;

function makeSessions(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const drift = Math.random() * 0.4 - 0.2;
    const seq = [];
    let v = 0;
    for (let t = 0; t < STEPS; t++) {
      v += drift;
      seq.push([v, Math.random() * 0.1, t / STEPS, drift > 0 ? 1 : 0]);
    }
    xs.push(seq);
    ys.push([v]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

async function trainRegressor() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: UNITS, inputShape: [STEPS, FEATURES], name: 'session_gru' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  const { xs, ys } = makeSessions(300);
  await model.fit(xs, ys, { epochs: 10, batchSize: 32, verbose: 0 });
  tf.dispose([xs, ys]);
  return model;
}

function cellFromModel(model) {
  const cell = tf.layers.gruCell({ units: UNITS });
  cell.build([null, FEATURES]);
  cell.setWeights(model.getLayer('session_gru').getWeights());
  return cell;
}

function embedSession(cell, session) {
  return tf.tidy(() => {
    const frames = tf.unstack(session, 1); // STEPS tensors of [batch, FEATURES]
    const h0 = tf.zeros([session.shape[0], UNITS]);
    const outputs = frames.map((xt) => cell.call([xt, h0], {})[0]);
    return tf.mean(tf.stack(outputs, 1), 1);
  });
}

function nearest(bank, query) {
  return tf.tidy(() => {
    const a = tf.div(bank, tf.norm(bank, 2, 1, true));
    const b = tf.div(query, tf.norm(query, 2, 1, true));
    return tf.matMul(b, a, false, true).argMax(1).arraySync();
  });
}

async function main() {
  const model = await trainRegressor();
  const cell = cellFromModel(model);
  const { xs: library } = makeSessions(50);
  const { xs: queries } = makeSessions(5);
  const bank = embedSession(cell, library);
  const q = embedSession(cell, queries);
  console.log('closest library sessions:', nearest(bank, q).join(', '));
  tf.dispose([library, queries, bank, q]);
}

module.exports = { embedSession, cellFromModel, trainRegressor };

if (require.main === module) {
  main();
}
