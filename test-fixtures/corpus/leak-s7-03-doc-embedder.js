// expect: state-leak
// Node script that turns every review in a JSONL file into a fixed-size vector by running a trained GRU over its tokens.
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const tf = require('@tensorflow/tfjs');

const MODEL_DIR = process.env.MODEL_DIR || './exported/review-gru';

function loadVocab(dir) {
  const words = JSON.parse(fs.readFileSync(path.join(dir, 'vocab.json'), 'utf8'));
  const index = new Map();
  words.forEach((w, i) => index.set(w, i));
  return index;
}

function tokenize(text, vocab) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (vocab.has(w) ? vocab.get(w) : 1)); // 1 = <unk>
}

// Pull raw weights out of the Keras-style model so we can step the GRU token by token
// without padding every review to the same length.
async function loadWeights(dir) {
  // file:// URLs are handled once @tensorflow/tfjs-node is loaded by the caller
  const model = await tf.loadLayersModel(`file://${path.resolve(dir, 'model.json')}`);
  const [embedding] = model.getLayer('embedding').getWeights();
  const [kernel, recurrent, bias] = model.getLayer('gru').getWeights();
  const units = recurrent.shape[0];
  const [Wz, Wr, Wh] = tf.split(kernel, 3, 1);
  const [Uz, Ur, Uh] = tf.split(recurrent, 3, 1);
  const [bz, br, bh] = tf.split(bias, 3, 0);
  return { embedding, units, Wz, Wr, Wh, Uz, Ur, Uh, bz, br, bh };
}

function gruStep(x, h, w) {
  return tf.tidy(() => {
    const z = tf.sigmoid(tf.addN([tf.matMul(x, w.Wz), tf.matMul(h, w.Uz), w.bz]));
    const r = tf.sigmoid(tf.addN([tf.matMul(x, w.Wr), tf.matMul(h, w.Ur), w.br]));
    const hHat = tf.tanh(tf.addN([tf.matMul(x, w.Wh), tf.matMul(tf.mul(r, h), w.Uh), w.bh]));
    // Keras convention: h_t = z * h_{t-1} + (1 - z) * hHat
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hHat));
  });
}

function embed(w, id) {
  return tf.tidy(() => tf.gather(w.embedding, tf.tensor1d([id], 'int32')));
}

async function readReviews(file) {
  const rl = readline.createInterface({ input: fs.createReadStream(file) });
  const docs = [];
  for await (const line of rl) {
    if (line.trim()) docs.push(JSON.parse(line));
  }
  return docs;
}

async function main() {
  const inFile = process.argv[2];
  const outFile = process.argv[3] || 'embeddings.jsonl';
  if (!inFile) {
    console.error('usage: node embed-reviews.js <reviews.jsonl> [out.jsonl]');
    process.exit(1);
  }
  const vocab = loadVocab(MODEL_DIR);
  const w = await loadWeights(MODEL_DIR);
  const docs = await readReviews(inFile);
  const out = fs.createWriteStream(outFile);

  let hidden = tf.zeros([1, w.units]);
  let done = 0;
  for (const doc of docs) {
    const ids = tokenize(doc.text, vocab);
    for (const id of ids) {
      const x = embed(w, id);
      const next = gruStep(x, hidden, w);
      x.dispose();
      hidden.dispose();
      hidden = next;
    }
    const vec = Array.from(await hidden.data());
    out.write(JSON.stringify({ id: doc.id, stars: doc.stars, vec }) + '\n');
    if (++done % 500 === 0) console.log(`${done}/${docs.length} reviews, ${tf.memory().numTensors} tensors`);
  }
  hidden.dispose();
  out.end();
  console.log(`wrote ${done} vectors to ${outFile}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
