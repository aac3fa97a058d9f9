// expect: none
// Stateful LSTM trained on 8 parallel long sine streams cut into consecutive windows, reset at every epoch start.
import * as tf from '@tensorflow/tfjs';

const STREAMS = 8;
const WINDOW = 10;
const WINDOWS_PER_STREAM = 12;

function buildStreams() {
  const xs = [];
  const ys = [];
  const freqs = Array.from({ length: STREAMS }, (_, i) => 0.05 + 0.02 * i);
  // batch k holds window k of every stream, so consecutive batches continue the same rows
  for (let w = 0; w < WINDOWS_PER_STREAM; w++) {
    for (let s = 0; s < STREAMS; s++) {
      const seq = [];
      for (let t = 0; t < WINDOW; t++) seq.push([Math.sin(freqs[s] * (w * WINDOW + t))]);
      xs.push(seq);
      ys.push([Math.sin(freqs[s] * (w * WINDOW + WINDOW))]);
    }
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys), freqs };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 20, stateful: true, batchInputShape: [STREAMS, WINDOW, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

async function train(model, xs, ys, epochs) {
  const losses = [];
  await model.fit(xs, ys, {
    epochs,
    batchSize: STREAMS,
    shuffle: false,
    verbose: 0,
    callbacks: {
      onEpochBegin: async () => {
        model.resetStates();
      },
      onEpochEnd: async (epoch, logs) => {
        losses.push(logs.loss);
      },
    },
  });
  return losses;
}

async function forecast(model, freqs) {
  model.resetStates();
  let last = null;
  for (let w = 0; w < WINDOWS_PER_STREAM; w++) {
    const batch = tf.tensor3d(freqs.map((f) =>
      Array.from({ length: WINDOW }, (_, t) => [Math.sin(f * (w * WINDOW + t))])));
    if (last) last.dispose();
    last = model.predict(batch);
    batch.dispose();
  }
  const preds = await last.data();
  last.dispose();
  return freqs.map((f, i) => ({
    predicted: preds[i],
    actual: Math.sin(f * WINDOWS_PER_STREAM * WINDOW),
  }));
}

const { xs, ys, freqs } = buildStreams();
const model = buildModel();
const losses = await train(model, xs, ys, 40);
console.log('loss first/last', losses[0].toFixed(4), losses[losses.length - 1].toFixed(4));
const results = await forecast(model, freqs);
results.slice(0, 4).forEach((r, i) =>
  console.log(`stream ${i}: predicted ${r.predicted.toFixed(3)} actual ${r.actual.toFixed(3)}`));
tf.dispose([xs, ys]);
