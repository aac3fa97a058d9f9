// expect: returns-input-state
// Counts error events in a log stream with a small LSTM; trained via tf.variableGrads with early stopping on validation.
import * as tf from '@tensorflow/tfjs';

const STEPS = 20;
const HIDDEN = 16;

const weights = {
  kernel: tf.variable(tf.randomNormal([1 + HIDDEN, 4 * HIDDEN], 0, 0.2)),
  bias: tf.variable(tf.zeros([4 * HIDDEN])),
  readout: tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.2)),
};

export function lstmStep(x, { h, c }) {
  const gates = tf.concat([x, h], 1).matMul(weights.kernel).add(weights.bias);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
  return { h: hNext, c };
}

export function countEvents(stream) {
  const batch = stream.shape[0];
  let state = { h: tf.zeros([batch, HIDDEN]), c: tf.zeros([batch, HIDDEN]) };
  for (let t = 0; t < STEPS; t++) {
    state = lstmStep(stream.slice([0, t], [batch, 1]), state);
  }
  return state.h.matMul(weights.readout).mul(STEPS / 4);
}

function makeStreams(n) {
  const xs = [];
  const ys = [];
  for (let k = 0; k < n; k++) {
    const rate = Math.random() * 0.4;
    const row = Array.from({ length: STEPS }, () => (Math.random() < rate ? 1 : 0));
    xs.push(row);
    ys.push([row.reduce((a, b) => a + b, 0)]);
  }
  return { xs, ys };
}

async function main() {
  const train = makeStreams(800);
  const val = makeStreams(200);
  const ds = tf.data
    .zip({ xs: tf.data.array(train.xs), ys: tf.data.array(train.ys) })
    .shuffle(800)
    .batch(40);
  const valX = tf.tensor2d(val.xs);
  const valY = tf.tensor2d(val.ys);
  const optimizer = tf.train.adam(0.01);

  let best = Infinity;
  let patience = 3;
  for (let epoch = 1; epoch <= 15; epoch++) {
    const losses = [];
    await ds.forEachAsync(({ xs, ys }) => {
      const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(ys, countEvents(xs)));
      optimizer.applyGradients(grads);
      losses.push(value.dataSync()[0]);
      tf.dispose([value, xs, ys, ...Object.values(grads)]);
    });
    const valMae = tf.tidy(() => tf.metrics.meanAbsoluteError(valY, countEvents(valX)).mean().dataSync()[0]);
    const trainLoss = losses.reduce((a, b) => a + b, 0) / losses.length;
    console.log(`epoch ${epoch}: mse ${trainLoss.toFixed(3)}  val mae ${valMae.toFixed(3)} events`);
    if (valMae < best - 0.01) {
      best = valMae;
      patience = 3;
    } else if (--patience === 0) {
      console.log(`early stop, best val mae ${best.toFixed(3)}`);
      break;
    }
  }
  tf.dispose([valX, valY]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
