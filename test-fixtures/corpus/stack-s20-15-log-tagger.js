// expect: stacked-activation
// Multi-label tagger for short log lines (error/auth/network/disk) using an embedding + LSTM model.
const tf = require('@tensorflow/tfjs');

const TAGS = ['error', 'auth', 'network', 'disk'];
const MAXLEN = 8;
const KEYWORDS = {
  error: ['failed', 'error', 'panic', 'fatal'],
  auth: ['login', 'token', 'password', 'denied'],
  network: ['timeout', 'socket', 'dns', 'refused'],
  disk: ['disk', 'quota', 'inode', 'mount'],
};
const FILLER = ['the', 'user', 'request', 'service', 'at', 'node', 'on', 'while'];
const VOCAB = ['<pad>'].concat(FILLER, ...Object.values(KEYWORDS));

function encode(words) {
  const ids = words.slice(0, MAXLEN).map((w) => Math.max(0, VOCAB.indexOf(w)));
  while (ids.length < MAXLEN) ids.push(0);
  return ids;
}

function synthLine() {
  const labels = TAGS.map(() => (Math.random() < 0.35 ? 1 : 0));
  const words = [];
  TAGS.forEach((tag, i) => {
    if (labels[i]) words.push(KEYWORDS[tag][Math.floor(Math.random() * 4)]);
  });
  while (words.length < 6) words.push(FILLER[Math.floor(Math.random() * FILLER.length)]);
  words.sort(() => Math.random() - 0.5);
  return { ids: encode(words), labels };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB.length, outputDim: 12, inputLength: MAXLEN }));
  model.add(tf.layers.lstm({ units: 24 }));
  model.add(tf.layers.dense({ units: TAGS.length, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
  return model;
}

function toProbabilities(raw) {
  return tf.sigmoid(raw);
}

function tagLines(model, lines, threshold = 0.5) {
  return tf.tidy(() => {
    const x = tf.tensor2d(lines.map((l) => encode(l.toLowerCase().split(/\s+/))), undefined, 'int32');
    const probs = toProbabilities(model.predict(x)).arraySync();
    return probs.map((row) => TAGS.filter((_, i) => row[i] > threshold));
  });
}

async function main() {
  const rows = Array.from({ length: 600 }, synthLine);
  const xs = tf.tensor2d(rows.map((r) => r.ids), undefined, 'int32');
  const ys = tf.tensor2d(rows.map((r) => r.labels));
  const model = buildModel();
  await model.fit(xs, ys, { epochs: 12, batchSize: 32, verbose: 0 });
  tf.dispose([xs, ys]);

  const lines = [
    'login denied for the user',
    'dns timeout while request',
    'the service at node',
    'disk quota failed on mount',
  ];
  tagLines(model, lines).forEach((tags, i) => console.log(JSON.stringify(lines[i]), '->', tags.join(',') || '(none)'));
}

module.exports = { buildModel, tagLines };

if (require.main === module) main();
