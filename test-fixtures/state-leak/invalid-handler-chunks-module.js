// A module's stateful model, run over the chunks of each request in an Express-style handler.
const tf = require('@tensorflow/tfjs');

const model = tf.sequential();
model.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 4, 2] }));
model.add(tf.layers.dense({ units: 1 }));

function chunksOf(rows, size) {
  const out = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function handleRisk(req, res) {
  const outputs = [];
  for (const part of chunksOf(req.body.rows, 4)) {
    outputs.push(tf.tidy(() => model.predict(tf.tensor3d([part])).dataSync()[0]));
//                             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
  }
  res.json({ risk: outputs[outputs.length - 1] });
}

module.exports = { handleRisk };
