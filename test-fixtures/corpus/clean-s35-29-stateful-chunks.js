// expect: none
// Stateful stacked GRU+LSTM cell network trained on long ECG-like recordings in fixed-size chunks.
const tf = require('@tensorflow/tfjs');

const CHUNK = 50;

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.rnn({
    cell: [tf.layers.gruCell({ units: 32 }), tf.layers.lstmCell({ units: 32 })],
    stateful: true,
    returnSequences: true,
    batchInputShape: [1, CHUNK, 1],
  }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

// Synthetic heartbeat: a sharp QRS-like spike every `period` samples plus a slow baseline wander.
function recording(length, period) {
  return Array.from({ length }, (_, t) => {
    const k = t % period;
    const qrs = k < 3 ? [0.3, 1.0, -0.4][k] : 0;
    const tWave = k > period * 0.3 && k < period * 0.45 ? 0.2 : 0;
    return qrs + tWave + 0.05 * Math.sin(t / 90) + 0.02 * (Math.random() - 0.5);
  });
}

// Truncated BPTT by chunks: each trainOnBatch call back-propagates through CHUNK
// steps only, while the layer states carry over to the next chunk of the SAME
// recording. States are cleared before every new recording.
async function trainEpoch(model, recordings) {
  let total = 0;
  let n = 0;
  for (const rec of recordings) {
    model.resetStates();
    for (let start = 0; start + CHUNK + 1 <= rec.length; start += CHUNK) {
      const xs = tf.tensor3d(rec.slice(start, start + CHUNK), [1, CHUNK, 1]);
      const ys = tf.tensor3d(rec.slice(start + 1, start + CHUNK + 1), [1, CHUNK, 1]);
      total += await model.trainOnBatch(xs, ys);
      n++;
      tf.dispose([xs, ys]);
    }
  }
  return total / n;
}

async function evaluate(model, recordings) {
  const scores = [];
  for (const rec of recordings) {
    model.resetStates();
    let sq = 0;
    let count = 0;
    for (let start = 0; start + CHUNK + 1 <= rec.length; start += CHUNK) {
      const mse = tf.tidy(() => {
        const xs = tf.tensor3d(rec.slice(start, start + CHUNK), [1, CHUNK, 1]);
        const ys = tf.tensor3d(rec.slice(start + 1, start + CHUNK + 1), [1, CHUNK, 1]);
        return tf.sum(tf.square(tf.sub(model.predict(xs), ys)));
      });
      sq += (await mse.data())[0];
      count += CHUNK;
      mse.dispose();
    }
    scores.push(sq / count);
  }
  return scores;
}

async function main() {
  const model = buildModel();
  const train = [60, 72, 80, 95, 110].map((p) => recording(2000, p));
  const test = [66, 100].map((p) => recording(1000, p));
  for (let epoch = 1; epoch <= 10; epoch++) {
    const loss = await trainEpoch(model, train);
    console.log(`epoch ${epoch}: train mse ${loss.toFixed(5)}`);
  }
  const scores = await evaluate(model, test);
  scores.forEach((s, i) => console.log(`test recording ${i}: mse ${s.toFixed(5)}`));
}

main();
