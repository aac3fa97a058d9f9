// expect: unused-hidden-state
// Builds a nearest-neighbour index of product titles by encoding each title with an RNN inside a tf.data pipeline.
const tf = require('@tensorflow/tfjs');

const DIM = 16;
const VOCAB = 512;

const embeddings = tf.randomNormal([VOCAB, DIM], 0, 0.5, 'float32', 71);
const Wx = tf.randomNormal([DIM, DIM], 0, 0.4, 'float32', 72);
const Wh = tf.randomNormal([DIM, DIM], 0, 0.4, 'float32', 73);
const bias = tf.zeros([DIM]);

function hashToken(tok) {
  let hash = 2166136261;
  for (const ch of tok) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash % VOCAB;
}

function rnnCell(x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(x, Wh)), bias));
}

function encodeTitle(title) {
  const ids = title.toLowerCase().split(/\s+/).filter(Boolean).map(hashToken);
  let h = tf.zeros([1, DIM]);
  for (const id of ids) {
    const x = tf.gather(embeddings, [id]);
    h = rnnCell(x, h);
  }
  return tf.div(h, tf.add(tf.norm(h), 1e-6)).reshape([DIM]);
}

function buildDataset(products) {
  return tf.data
    .array(products)
    .map((p) => ({ vec: encodeTitle(p.title), id: tf.scalar(p.id, 'int32') }))
    .batch(4);
}

async function buildIndex(products) {
  const index = { ids: [], vectors: [] };
  await buildDataset(products).forEachAsync((batch) => {
    index.ids.push(...batch.id.dataSync());
    index.vectors.push(...batch.vec.arraySync());
    tf.dispose(batch);
  });
  return index;
}

function query(index, text, k) {
  const scores = tf.tidy(() => {
    const q = encodeTitle(text);
    return tf.matMul(tf.tensor2d(index.vectors), q.reshape([DIM, 1])).reshape([-1]).arraySync();
  });
  return scores
    .map((score, i) => ({ id: index.ids[i], score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

async function main() {
  const catalog = [
    { id: 1, title: 'wireless noise cancelling headphones' },
    { id: 2, title: 'wired studio headphones' },
    { id: 3, title: 'stainless steel chef knife' },
    { id: 4, title: 'ceramic chef knife' },
    { id: 5, title: 'bluetooth speaker waterproof' },
    { id: 6, title: 'usb c charging cable' },
  ];
  const index = await buildIndex(catalog);
  for (const q of ['noise cancelling headphones', 'chef knife', 'portable speaker']) {
    const hits = query(index, q, 3).map((h) => `${h.id}:${h.score.toFixed(3)}`);
    console.log(`${q.padEnd(30)} -> ${hits.join('  ')}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = { encodeTitle, rnnCell, buildIndex, query };
