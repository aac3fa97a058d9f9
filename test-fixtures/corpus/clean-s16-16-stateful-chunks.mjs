// expect: none
// stateful LSTM trained chunk-by-chunk on long damped oscillations (Keras-style stateful training), then evaluated
import * as tf from '@tensorflow/tfjs';

const chunk = 8;
const n_chunks = 5;
const units = 16;

function make_model() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units, stateful: true, returnSequences: true, batchInputShape: [1, chunk, 1] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

// each sequence: x_t = exp(-d t) sin(w t + phi); target is x_{t+1}
function make_sequence(seed) {
  const w = 0.3 + 0.2 * ((seed * 37) % 7) / 7;
  const d = 0.01 + 0.02 * ((seed * 13) % 5) / 5;
  const phi = seed % 3;
  const total = chunk * n_chunks + 1;
  const s = Array.from({ length: total }, (_, t) => Math.exp(-d * t) * Math.sin(w * t + phi));
  return { x: s.slice(0, -1), y: s.slice(1) };
}

function chunk_tensors(seq, k) {
  const xs = seq.x.slice(k * chunk, (k + 1) * chunk).map((v) => [v]);
  const ys = seq.y.slice(k * chunk, (k + 1) * chunk).map((v) => [v]);
  return { x: tf.tensor3d([xs]), y: tf.tensor3d([ys]) };
}

async function train(model, sequences, epochs) {
  for (let ep = 0; ep < epochs; ep++) {
    let total = 0;
    for (const seq of sequences) {
      model.resetStates(); // new sequence: start from zero state
      for (let k = 0; k < n_chunks; k++) {
        // state flows from chunk k to k+1 of the SAME sequence
        const { x, y } = chunk_tensors(seq, k);
        total += await model.trainOnBatch(x, y);
        tf.dispose([x, y]);
      }
    }
    if (ep % 5 === 0) console.log(`epoch ${ep} mean chunk mse ${(total / (sequences.length * n_chunks)).toFixed(5)}`);
  }
}

async function evaluate(model, seq) {
  model.resetStates();
  const preds = [];
  for (let k = 0; k < n_chunks; k++) {
    const { x, y } = chunk_tensors(seq, k);
    const out = model.predict(x);
    preds.push(...(await out.data()));
    tf.dispose([x, y, out]);
  }
  const mse = preds.reduce((acc, p, t) => acc + (p - seq.y[t]) ** 2, 0) / preds.length;
  return { preds, mse };
}

async function main() {
  const model = make_model();
  const train_set = Array.from({ length: 12 }, (_, i) => make_sequence(i));
  await train(model, train_set, 20);

  const held_out = make_sequence(40);
  const first = await evaluate(model, held_out);
  const again = await evaluate(model, held_out);
  const max_diff = Math.max(...first.preds.map((p, i) => Math.abs(p - again.preds[i])));
  console.log(`held-out mse ${first.mse.toFixed(5)}; repeat-run max diff ${max_diff.toExponential(2)}`);
  console.log('tensors', tf.memory().numTensors);
}

main();
