// expect: bptt-cut
// Weekly sales regressor: a tanh RNN over 26-week histories, trained with tf.variableGrads and a validation split.
const tf = require('@tensorflow/tfjs');

const WEEKS = 26;
const UNITS = 10;
const STATE_LIMIT = 3;

const weights = {
  wx: tf.variable(tf.randomNormal([2, UNITS], 0, 0.3), true, 'sales_wx'),
  wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3), true, 'sales_wh'),
  b: tf.variable(tf.zeros([UNITS]), true, 'sales_b'),
  wo: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3), true, 'sales_wo'),
};

function makeStore(seed) {
  const trend = 0.01 * ((seed % 7) - 3);
  const xs = [];
  let level = 1 + (seed % 5) * 0.2;
  for (let w = 0; w < WEEKS; w++) {
    level += trend + 0.05 * Math.sin(w / 2 + seed);
    xs.push([level, w % 4 === 0 ? 1 : 0]);
  }
  return { xs, ys: [level + trend * 4] };
}

function clampRows(rows) {
  return rows.map((row) => row.map((v) => Math.max(-STATE_LIMIT, Math.min(STATE_LIMIT, v))));
}

function forward(xs) {
  const n = xs.shape[0];
  let h = tf.zeros([n, UNITS]);
  for (let w = 0; w < WEEKS; w++) {
    const xw = xs.slice([0, w, 0], [n, 1, 2]).reshape([n, 2]);
    const pre = xw.matMul(weights.wx).add(h.matMul(weights.wh)).add(weights.b);
    h = tf.tensor2d(clampRows(tf.tanh(pre).arraySync()));
  }
  return h.matMul(weights.wo);
}

async function run() {
  const stores = Array.from({ length: 300 }, (_, i) => makeStore(i));
  const trainDs = tf.data.array(stores.slice(0, 240)).shuffle(240).batch(20);
  const valDs = tf.data.array(stores.slice(240)).batch(60);
  const optimizer = tf.train.sgd(0.05);
  const history = [];

  for (let epoch = 0; epoch < 8; epoch++) {
    const batchLosses = [];
    await trainDs.forEachAsync((batch) => {
      const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(batch.ys, forward(batch.xs)));
      optimizer.applyGradients(grads);
      batchLosses.push(value.dataSync()[0]);
      tf.dispose([value, batch.xs, batch.ys]);
      tf.dispose(Object.values(grads));
    });

    let valLoss = 0;
    await valDs.forEachAsync((batch) => {
      valLoss = tf.tidy(() => tf.losses.meanSquaredError(batch.ys, forward(batch.xs)).dataSync()[0]);
    });

    const trainLoss = batchLosses.reduce((a, b) => a + b, 0) / batchLosses.length;
    history.push({ epoch, trainLoss, valLoss });
    console.log(`epoch ${epoch}: train ${trainLoss.toFixed(4)}  val ${valLoss.toFixed(4)}`);
    if (epoch > 2 && valLoss > history[epoch - 1].valLoss && valLoss > history[epoch - 2].valLoss) {
      console.log('validation loss rising, stopping');
      break;
    }
  }
  return history;
}

module.exports = { forward, weights, makeStore, run };

if (require.main === module) {
  run().then((h) => console.log(`ran ${h.length} epochs`));
}
