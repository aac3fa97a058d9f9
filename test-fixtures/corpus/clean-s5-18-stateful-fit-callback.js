// expect: none
// Stateful LSTM trained with model.fit on B parallel streams split into consecutive windows (shuffle off); states are reset at the start of every epoch via a callback, and before each forecast.
const tf = require('@tensorflow/tfjs');

const STREAMS = 4; // batch size == number of parallel, contiguous streams
const WINDOW = 10;

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, stateful: true, returnSequences: true, batchInputShape: [STREAMS, WINDOW, 1] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

/**
 * Cuts one long series into STREAMS contiguous pieces and lays the windows
 * out so that row s of batch k+1 continues row s of batch k.
 * @param {number[]} series
 */
function layoutStreams(series) {
  const perStream = Math.floor((series.length - 1) / STREAMS / WINDOW) * WINDOW;
  const xs = [];
  const ys = [];
  for (let k = 0; k < perStream / WINDOW; k++) {
    for (let s = 0; s < STREAMS; s++) {
      const start = s * perStream + k * WINDOW;
      xs.push(series.slice(start, start + WINDOW).map((v) => [v]));
      ys.push(series.slice(start + 1, start + WINDOW + 1).map((v) => [v]));
    }
  }
  return { x: tf.tensor3d(xs), y: tf.tensor3d(ys) };
}

async function train(series, epochs = 5) {
  const model = buildModel();
  const { x, y } = layoutStreams(series);
  await model.fit(x, y, {
    epochs,
    batchSize: STREAMS,
    shuffle: false,
    callbacks: {
      onEpochBegin: async () => model.resetStates(),
      onEpochEnd: async (epoch, logs) => console.log(`epoch ${epoch} loss ${logs.loss.toFixed(4)}`),
    },
  });
  tf.dispose([x, y]);
  return model;
}

/** Warms the state on `history` (same stream in every row) and returns the next value. */
function forecastNext(model, history) {
  model.resetStates();
  let last = NaN;
  for (let i = 0; i + WINDOW <= history.length; i += WINDOW) {
    const win = history.slice(i, i + WINDOW).map((v) => [v]);
    const pred = tf.tidy(() => {
      const batch = tf.tensor3d(Array.from({ length: STREAMS }, () => win));
      const out = /** @type {tf.Tensor} */ (model.predict(batch, { batchSize: STREAMS }));
      return out.slice([0, WINDOW - 1, 0], [1, 1, 1]);
    });
    last = pred.dataSync()[0];
    pred.dispose();
  }
  return last;
}

async function main() {
  await tf.setBackend('cpu');
  const series = Array.from({ length: 400 }, (_, t) => Math.sin(t / 8) + 0.05 * Math.random());
  const model = await train(series, 3);
  console.log('next value', forecastNext(model, series.slice(-40)).toFixed(3));
  console.log('next value (other stream)', forecastNext(model, series.slice(100, 140)).toFixed(3));
}

main();
