// expect: none
// Stateful LSTM over several independent sensor recordings, fed window by window (like the Keras stateful example)
const tf = require('@tensorflow/tfjs');

const WIN = 10;
const N_WINDOWS = 6;
const N_SERIES = 6;

function makeSeries(freq, phase) {
  const vals = [];
  for (let i = 0; i < WIN * N_WINDOWS + 1; i++) vals.push(Math.sin(freq * i + phase));
  return vals;
}

// cut one recording into consecutive windows; target = value right after each window
function toWindows(vals) {
  const xs = [];
  const ys = [];
  for (let w = 0; w < N_WINDOWS; w++) {
    xs.push(vals.slice(w * WIN, (w + 1) * WIN).map((v) => [v]));
    ys.push([vals[(w + 1) * WIN]]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

const model = tf.sequential();
model.add(tf.layers.lstm({ units: 20, stateful: true, batchInputShape: [1, WIN, 1] }));
model.add(tf.layers.dense({ units: 1 }));
model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

const recordings = [];
for (let s = 0; s < N_SERIES; s++) {
  recordings.push(makeSeries(0.2 + 0.05 * s, Math.random() * 3));
}

async function train(epochs) {
  for (let e = 0; e < epochs; e++) {
    let epochLoss = 0;
    for (const rec of recordings) {
      const { xs, ys } = toWindows(rec);
      // each recording is its own sequence: start it from a blank state
      model.resetStates();
      await model.fit(xs, ys, {
        epochs: 1,
        batchSize: 1,
        shuffle: false, // windows must stay in order
        verbose: 0,
        callbacks: {
          onEpochEnd: (_, logs) => {
            epochLoss += logs.loss;
          },
        },
      });
      tf.dispose([xs, ys]);
    }
    if (e % 5 === 4) console.log(`epoch ${e + 1} mean loss ${(epochLoss / N_SERIES).toFixed(5)}`);
  }
}

function predictRecording(rec) {
  model.resetStates();
  const { xs, ys } = toWindows(rec);
  const preds = model.predict(xs, { batchSize: 1 });
  const out = { pred: Array.from(preds.dataSync()), truth: Array.from(ys.dataSync()) };
  tf.dispose([xs, ys, preds]);
  return out;
}

async function main() {
  await train(20);
  const unseen = makeSeries(0.27, 1.0);
  const first = predictRecording(unseen);
  predictRecording(makeSeries(0.4, 2.0)); // some other recording in between
  const again = predictRecording(unseen);
  console.log('truth ', first.truth.map((v) => v.toFixed(2)).join(' '));
  console.log('pred  ', first.pred.map((v) => v.toFixed(2)).join(' '));
  console.log('again ', again.pred.map((v) => v.toFixed(2)).join(' '));
}

main();
