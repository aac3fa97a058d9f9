// expect: none
// Fits a stateful GRU on long machine-vibration recordings chunk by chunk, then scores each recording separately.
const tf = require('@tensorflow/tfjs');

const CHUNK = 16;
const FEATURES = 1;

function recording(length, fault) {
  const values = [];
  let drift = 0;
  for (let t = 0; t < length; t++) {
    drift += fault ? 0.01 : 0;
    values.push(Math.sin(t * 0.3) * (1 + drift) + 0.05 * Math.random());
  }
  return values;
}

// Cut a recording into consecutive [1, CHUNK, 1] inputs with next-step targets.
function toChunks(values) {
  const xs = [];
  const ys = [];
  for (let start = 0; start + CHUNK < values.length; start += CHUNK) {
    xs.push(values.slice(start, start + CHUNK).map((v) => [v]));
    ys.push(values.slice(start + 1, start + CHUNK + 1).map((v) => [v]));
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor3d(ys) };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 24, stateful: true, returnSequences: true, batchInputShape: [1, CHUNK, FEATURES] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

async function fitRecordings(model, recordings, epochs) {
  const log = [];
  for (let i = 0; i < recordings.length; i++) {
    const { xs, ys } = toChunks(recordings[i]);
    await model.fit(xs, ys, {
      batchSize: 1,
      epochs,
      shuffle: false,
      verbose: 0,
      callbacks: {
        onEpochBegin: async () => { model.resetStates(); },
        onEpochEnd: async (epoch, logs) => { log.push({ recording: i, epoch, loss: logs.loss }); },
      },
    });
    model.resetStates();
    tf.dispose([xs, ys]);
  }
  return log;
}

function scoreRecording(model, values) {
  model.resetStates();
  const { xs, ys } = toChunks(values);
  let total = 0;
  for (let c = 0; c < xs.shape[0]; c++) {
    total += tf.tidy(() => {
      const x = xs.slice([c, 0, 0], [1, CHUNK, FEATURES]);
      const y = ys.slice([c, 0, 0], [1, CHUNK, FEATURES]);
      const pred = model.predict(x);
      return tf.losses.meanSquaredError(y, pred).dataSync()[0];
    });
  }
  tf.dispose([xs, ys]);
  return total / CHUNK;
}

async function main() {
  const model = buildModel();
  const healthy = [recording(200, false), recording(200, false), recording(160, false)];
  const log = await fitRecordings(model, healthy, 3);
  const last = log[log.length - 1];
  console.log(`trained on ${healthy.length} recordings, final loss ${last.loss.toFixed(4)}`);

  const probes = { healthy: recording(160, false), faulty: recording(160, true) };
  Object.keys(probes).forEach((name) => {
    console.log(`${name}: reconstruction error ${scoreRecording(model, probes[name]).toFixed(4)}`);
  });
}

module.exports = { buildModel, fitRecordings, scoreRecording, recording };

if (require.main === module) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
