// expect: none
// Two-layer stacked GRU (stateful) trained chunk by chunk with trainOnBatch to predict a running-mean signal.
const tf = require('@tensorflow/tfjs');

const BATCH = 16;
const CHUNK = 10;
const CHUNKS_PER_SEQ = 5;

function buildModel() {
  const cells = [tf.layers.gruCell({ units: 24 }), tf.layers.gruCell({ units: 24 })];
  const model = tf.sequential();
  model.add(tf.layers.rnn({
    cell: tf.layers.stackedRNNCells({ cells: cells }),
    returnSequences: true,
    stateful: true,
    batchInputShape: [BATCH, CHUNK, 1],
  }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

// One batch of independent long sequences; target is the running mean of everything seen so far.
function sequenceBatch() {
  const total = CHUNK * CHUNKS_PER_SEQ;
  const xs = [];
  const ys = [];
  for (let b = 0; b < BATCH; b++) {
    let sum = 0;
    const bias = Math.random() - 0.5;
    const x = [];
    const y = [];
    for (let t = 0; t < total; t++) {
      const v = bias + (Math.random() - 0.5);
      sum += v;
      x.push([v]);
      y.push([sum / (t + 1)]);
    }
    xs.push(x);
    ys.push(y);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor3d(ys) };
}

async function trainSequences(model, count) {
  const history = [];
  for (let s = 0; s < count; s++) {
    const { xs, ys } = sequenceBatch();
    model.resetStates(); // new independent sequences: start from zero state
    let seqLoss = 0;
    for (let k = 0; k < CHUNKS_PER_SEQ; k++) {
      const xChunk = xs.slice([0, k * CHUNK, 0], [BATCH, CHUNK, 1]);
      const yChunk = ys.slice([0, k * CHUNK, 0], [BATCH, CHUNK, 1]);
      const loss = await model.trainOnBatch(xChunk, yChunk);
      seqLoss += Array.isArray(loss) ? loss[0] : loss;
      tf.dispose([xChunk, yChunk]);
    }
    tf.dispose([xs, ys]);
    history.push(seqLoss / CHUNKS_PER_SEQ);
    if (s % 20 === 0) console.log('sequence batch', s, 'mse', history[history.length - 1].toFixed(5));
  }
  return history;
}

async function evaluateLastChunk(model) {
  const { xs, ys } = sequenceBatch();
  model.resetStates();
  let pred = null;
  for (let k = 0; k < CHUNKS_PER_SEQ; k++) {
    const xChunk = xs.slice([0, k * CHUNK, 0], [BATCH, CHUNK, 1]);
    if (pred) pred.dispose();
    pred = model.predict(xChunk);
    xChunk.dispose();
  }
  const lastTarget = ys.slice([0, CHUNK * CHUNKS_PER_SEQ - CHUNK, 0], [BATCH, CHUNK, 1]);
  const mse = tf.losses.meanSquaredError(lastTarget, pred);
  const value = (await mse.data())[0];
  tf.dispose([xs, ys, pred, lastTarget, mse]);
  return value;
}

async function main() {
  const model = buildModel();
  await trainSequences(model, 60);
  console.log('held-out mse on final chunk', (await evaluateLastChunk(model)).toFixed(5));
}

main();
