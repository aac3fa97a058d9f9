// expect: state-leak
// Scores each document with a stateful LSTM fed in fixed windows; resetStates() runs once before the loop, so every document starts from the previous document's final state.
const tf = require('@tensorflow/tfjs');

const WINDOW = 8;
const VOCAB = 500;

/**
 * Stateful scorer: each predict() call continues from where the last one
 * stopped, which lets us stream long documents through a short window.
 * @param {number} units
 */
function buildScorer(units) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({
    inputDim: VOCAB,
    outputDim: 16,
    batchInputShape: [1, WINDOW],
  }));
  model.add(tf.layers.lstm({ units, stateful: true }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

/**
 * @param {number[]} ids
 * @returns {number[][]} windows of exactly WINDOW ids (last one zero padded)
 */
function toWindows(ids) {
  const out = [];
  for (let i = 0; i < ids.length; i += WINDOW) {
    const w = ids.slice(i, i + WINDOW);
    while (w.length < WINDOW) w.push(0);
    out.push(w);
  }
  return out;
}

/**
 * Returns one toxicity score per document.
 * @param {tf.Sequential} model
 * @param {number[][]} documents token ids, one array per document
 */
function scoreDocuments(model, documents) {
  const scores = [];
  model.resetStates();
  for (const doc of documents) {
    let score = NaN;
    for (const win of toWindows(doc)) {
      const x = tf.tensor2d([win], [1, WINDOW]);
      const y = /** @type {tf.Tensor} */ (model.predict(x));
      score = y.dataSync()[0];
      x.dispose();
      y.dispose();
    }
    scores.push(score);
  }
  return scores;
}

function randomDoc(len) {
  return Array.from({ length: len }, () => 1 + Math.floor(Math.random() * (VOCAB - 1)));
}

async function main() {
  await tf.setBackend('cpu');
  const model = buildScorer(16);
  const docs = [randomDoc(30), randomDoc(5), randomDoc(17)];
  const scores = scoreDocuments(model, docs);
  scores.forEach((s, i) => console.log(`doc ${i}: ${s.toFixed(4)}`));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = { buildScorer, scoreDocuments };
