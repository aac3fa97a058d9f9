// expect: none
// CLI that trains a per-word tagger marking where sentences end in unpunctuated speech transcripts, then saves the weights.
const fs = require('fs');
const tf = require('@tensorflow/tfjs');

function parseArgs(argv) {
  const out = { epochs: 10, units: 64, lr: 0.003, batch: 16, out: 'boundary-lstm.json' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in out) && key !== 'data') {
      console.error(`unknown option --${key}`);
      process.exit(2);
    }
    out[key] = typeof out[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!out.data) {
    console.error('usage: train-boundary --data transcripts.jsonl [--epochs N] [--units N] [--lr X]');
    process.exit(2);
  }
  return out;
}

const opts = parseArgs(process.argv.slice(2));
const docs = fs.readFileSync(opts.data, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const vocab = new Map([['<unk>', 0]]);
docs.forEach((d) => d.words.forEach((w) => { if (!vocab.has(w)) vocab.set(w, vocab.size); }));
const U = opts.units;
const E = 32;

const P = {
  emb: tf.variable(tf.randomNormal([vocab.size, E], 0, 0.1)),
  W: tf.variable(tf.randomNormal([E + U, 4 * U], 0, 0.05)),
  b: tf.variable(tf.zeros([4 * U])),
  Wo: tf.variable(tf.randomNormal([U, 1], 0, 0.05)),
  bo: tf.variable(tf.zeros([1])),
};
const optimizer = tf.train.adam(opts.lr);

function lstm(x, prevState) {
  const [hPrev, cPrev] = prevState;
  const gates = tf.add(tf.matMul(tf.concat([x, hPrev], 1), P.W), P.b);
  const [gi, gf, gg, go] = tf.split(gates, 4, 1);
  const c = tf.add(tf.mul(tf.sigmoid(gf), cPrev), tf.mul(tf.sigmoid(gi), tf.tanh(gg)));
  const h = tf.mul(tf.sigmoid(go), tf.tanh(c));
  return [h, c];
}

// Whole batch unrolled inside the loss so gradients flow through every timestep.
function batchLoss(ids, labels) {
  const B = ids.length;
  const T = ids[0].length;
  const embedded = tf.gather(P.emb, tf.tensor2d(ids, [B, T], 'int32'));
  let state = [tf.zeros([B, U]), tf.zeros([B, U])];
  const logits = [];
  for (let t = 0; t < T; t++) {
    const xt = embedded.slice([0, t, 0], [B, 1, E]).reshape([B, E]);
    state = lstm(xt, state);
    logits.push(tf.add(tf.matMul(state[0], P.Wo), P.bo));
  }
  const y = tf.tensor2d(labels, [B, T]).transpose().reshape([T * B, 1]);
  return tf.losses.sigmoidCrossEntropy(y, tf.concat(logits, 0));
}

function batches() {
  // bucket by length so no padding is needed inside a batch
  const byLen = new Map();
  for (const d of docs) {
    const key = d.words.length;
    if (!byLen.has(key)) byLen.set(key, []);
    byLen.get(key).push(d);
  }
  const out = [];
  for (const group of byLen.values()) {
    for (let i = 0; i < group.length; i += opts.batch) out.push(group.slice(i, i + opts.batch));
  }
  tf.util.shuffle(out);
  return out;
}

for (let epoch = 1; epoch <= opts.epochs; epoch++) {
  let sum = 0;
  let n = 0;
  const t0 = Date.now();
  for (const group of batches()) {
    const ids = group.map((d) => d.words.map((w) => vocab.get(w) ?? 0));
    const labels = group.map((d) => d.endsSentence.map(Number));
    const cost = optimizer.minimize(() => batchLoss(ids, labels), true);
    sum += cost.dataSync()[0];
    n++;
    cost.dispose();
  }
  console.log(`epoch ${epoch}/${opts.epochs}  loss ${(sum / n).toFixed(4)}  ${(Date.now() - t0) / 1000}s`);
}

const dump = { vocab: [...vocab.keys()], units: U };
for (const [k, v] of Object.entries(P)) dump[k] = v.arraySync();
fs.writeFileSync(opts.out, JSON.stringify(dump));
console.log(`saved ${opts.out}`);
