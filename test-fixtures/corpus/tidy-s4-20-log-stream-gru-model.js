// expect: tidy-disposed-state
// Node CLI that scores a live log stream with a functional GRU model (returnState + initialState inputs) loaded from disk; inside the per-line tf.tidy the returned GRU state is assigned to the outer `state` variable.
const tf = require('@tensorflow/tfjs');
const readline = require('readline');
const fs = require('fs');

const MAXLEN = 120;
const UNITS = 64;

function buildScorer(vocabSize) {
  const chars = tf.input({ shape: [MAXLEN], dtype: 'int32' });
  const hIn = tf.input({ shape: [UNITS] });
  const emb = tf.layers.embedding({ inputDim: vocabSize, outputDim: 24 }).apply(chars);
  const [seq, hOut] = tf.layers.gru({ units: UNITS, returnState: true }).apply(emb, { initialState: [hIn] });
  const anomaly = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(seq);
  return tf.model({ inputs: [chars, hIn], outputs: [anomaly, hOut] });
}

function encodeLine(line, alphabet) {
  const ids = new Int32Array(MAXLEN);
  for (let i = 0; i < Math.min(line.length, MAXLEN); i++) ids[i] = (alphabet.indexOf(line[i]) + 2) || 1;
  return tf.tensor2d(ids, [1, MAXLEN], 'int32');
}

async function main() {
  const alphabet = fs.readFileSync(process.argv[2] || 'alphabet.txt', 'utf8');
  const model = buildScorer(alphabet.length + 2);
  const weights = JSON.parse(fs.readFileSync(process.argv[3] || 'scorer-weights.json', 'utf8'));
  model.setWeights(weights.map((w) => tf.tensor(w.values, w.shape)));

  const threshold = Number(process.env.ANOMALY_THRESHOLD || 0.8);
  const rl = readline.createInterface({ input: process.stdin });
  // one process = one stream: the GRU state deliberately carries context from line to line
  let state = tf.zeros([1, UNITS]);
  let lineNo = 0;
  let flagged = 0;

  for await (const line of rl) {
    lineNo += 1;
    let score = 0;
    tf.tidy(() => {
      const x = encodeLine(line, alphabet);
      const [p, hOut] = model.predict([x, state]);
      score = p.dataSync()[0];
      state = hOut;
    });
    if (score > threshold) {
      flagged += 1;
      process.stdout.write(`[${lineNo}] ${score.toFixed(3)} ${line}\n`);
    }
    if (lineNo % 1000 === 0) {
      process.stderr.write(`lines=${lineNo} flagged=${flagged} tensors=${tf.memory().numTensors}\n`);
    }
  }
  state.dispose();
  model.dispose();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
