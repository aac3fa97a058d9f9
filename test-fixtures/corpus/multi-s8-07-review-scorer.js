// expect: state-leak, stacked-activation
// Batch job that reads product reviews from a JSON-lines file and writes a positivity score for each review using a small word-level RNN.
const fs = require('fs');
const readline = require('readline');
const tf = require('@tensorflow/tfjs');

const UNITS = 64;
const EMB = 32;

function loadWeights(path) {
  if (fs.existsSync(path)) {
    const raw = JSON.parse(fs.readFileSync(path, 'utf8'));
    return {
      vocab: raw.vocab,
      emb: tf.tensor2d(raw.emb),
      Wx: tf.tensor2d(raw.Wx),
      Wh: tf.tensor2d(raw.Wh),
      b: tf.tensor1d(raw.b),
      wHead: tf.tensor2d(raw.wHead),
      bHead: tf.tensor1d(raw.bHead),
    };
  }
  const vocab = ['<unk>', 'good', 'bad', 'great', 'terrible', 'ok', 'love', 'hate', 'not', 'very'];
  return {
    vocab,
    emb: tf.randomNormal([vocab.length, EMB], 0, 0.3),
    Wx: tf.randomNormal([EMB, UNITS], 0, 0.1),
    Wh: tf.randomNormal([UNITS, UNITS], 0, 0.1),
    b: tf.zeros([UNITS]),
    wHead: tf.randomNormal([UNITS, 1], 0, 0.1),
    bHead: tf.zeros([1]),
  };
}

function tokenize(text, vocab) {
  return text
    .toLowerCase()
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => Math.max(0, vocab.indexOf(w)));
}

function rnnStep(w, tokenId, h) {
  return tf.tidy(() => {
    const x = tf.gather(w.emb, [tokenId]);
    return tf.tanh(x.matMul(w.Wx).add(h.matMul(w.Wh)).add(w.b));
  });
}

function head(w, h) {
  return tf.tidy(() => {
    const logit = tf.relu(h.matMul(w.wHead).add(w.bHead));
    return tf.sigmoid(logit);
  });
}

async function main() {
  const [, , inPath = 'reviews.jsonl', outPath = 'scores.jsonl', weightsPath = 'weights.json'] = process.argv;
  const w = loadWeights(weightsPath);
  const out = fs.createWriteStream(outPath);
  const rl = readline.createInterface({ input: fs.createReadStream(inPath), crlfDelay: Infinity });

  let state = tf.zeros([1, UNITS]);
  let count = 0;

  for await (const line of rl) {
    if (!line.trim()) continue;
    const review = JSON.parse(line);
    const ids = tokenize(review.text || '', w.vocab);
    for (const id of ids) {
      const next = rnnStep(w, id, state);
      state.dispose();
      state = next;
    }
    const scoreT = head(w, state);
    const score = (await scoreT.data())[0];
    scoreT.dispose();
    out.write(JSON.stringify({ id: review.id, score: Number(score.toFixed(4)) }) + '\n');
    count += 1;
  }

  state.dispose();
  out.end();
  console.error(`scored ${count} reviews -> ${outPath}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
