// expect: state-leak
// CLI: scores every machine log in a folder with a stateful LSTM, chunk by chunk, and prints a JSON report.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const path = require('path');

const CHUNK = 8;
const FEATURES = 2;

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 12,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, CHUNK, FEATURES],
    kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }),
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
  return model;
}

function parseLog(text) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split(',').slice(0, FEATURES).map(Number));
}

function chunks(rows) {
  const out = [];
  for (let i = 0; i + CHUNK <= rows.length; i += CHUNK) {
    out.push(rows.slice(i, i + CHUNK));
  }
  return out;
}

function scoreSequence(model, rows) {
  const scores = [];
  for (const chunk of chunks(rows)) {
    const x = tf.tensor3d([chunk]);
    const y = model.predict(x);
    scores.push(y.dataSync()[0]);
    tf.dispose([x, y]);
  }
  return scores;
}

function scoreAll(model, sequences) {
  const report = {};
  for (const [name, rows] of Object.entries(sequences)) {
    const scores = scoreSequence(model, rows);
    report[name] = {
      chunks: scores.length,
      max: scores.length ? Math.max(...scores) : null,
      mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    };
  }
  return report;
}

function loadDir(dir) {
  const sequences = {};
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.csv')) continue;
    sequences[file] = parseLog(fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return sequences;
}

async function main(argv) {
  const dir = argv[2];
  if (!dir) {
    console.error('usage: node score-logs.js <dir-with-csv-logs>');
    process.exitCode = 1;
    return;
  }
  const model = buildModel();
  const report = scoreAll(model, loadDir(dir));
  console.log(JSON.stringify(report, null, 2));
}

if (require.main === module) {
  main(process.argv);
}

module.exports = { buildModel, scoreSequence, scoreAll, parseLog };
