// expect: none
// Batch trainer for a document-level GRU classifier: streams JSONL documents, trains with full BPTT per document.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const readline = require('readline');

const VOCAB = 12000;
const E = 32;
const H = 64;
const CLASSES = 5;

const gl = tf.initializers.glorotUniform({ seed: 13 });
const p = {
  emb: tf.variable(gl.apply([VOCAB, E])),
  Wz: tf.variable(gl.apply([E, H])), Uz: tf.variable(gl.apply([H, H])), bz: tf.variable(tf.zeros([H])),
  Wr: tf.variable(gl.apply([E, H])), Ur: tf.variable(gl.apply([H, H])), br: tf.variable(tf.zeros([H])),
  Wc: tf.variable(gl.apply([E, H])), Uc: tf.variable(gl.apply([H, H])), bc: tf.variable(tf.zeros([H])),
  Wy: tf.variable(gl.apply([H, CLASSES])), by: tf.variable(tf.zeros([CLASSES])),
};
const optimizer = tf.train.adam(1e-3);

function gru(x, h) {
  const z = tf.sigmoid(x.matMul(p.Wz).add(h.matMul(p.Uz)).add(p.bz));
  const r = tf.sigmoid(x.matMul(p.Wr).add(h.matMul(p.Ur)).add(p.br));
  const c = tf.tanh(x.matMul(p.Wc).add(r.mul(h).matMul(p.Uc)).add(p.bc));
  return z.mul(h).add(tf.onesLike(z).sub(z).mul(c));
}

async function* documents(file) {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line) continue;
    const doc = JSON.parse(line);
    if (doc.tokens.length > 0) yield doc;
  }
}

let centroid = null; // running mean of final document states, for drift monitoring

function trainDocument(doc) {
  const ids = tf.tensor1d(doc.tokens.slice(0, 400), 'int32');
  const label = tf.oneHot(tf.tensor1d([doc.label], 'int32'), CLASSES);
  let finalState = null;
  const loss = optimizer.minimize(() => {
    const xs = tf.gather(p.emb, ids);
    let h = tf.zeros([1, H]);
    for (let t = 0; t < ids.shape[0]; t++) {
      h = gru(xs.slice([t, 0], [1, E]), h);
    }
    finalState = tf.keep(h.clone());
    return tf.losses.softmaxCrossEntropy(label, h.matMul(p.Wy).add(p.by));
  }, true);
  const value = loss.dataSync()[0];
  tf.dispose([ids, label, loss]);
  return { value, finalState };
}

function trackCentroid(finalState, n) {
  const next = tf.tidy(() =>
    centroid === null ? finalState.clone() : centroid.mul((n - 1) / n).add(finalState.div(n)),
  );
  if (centroid) centroid.dispose();
  centroid = next;
  finalState.dispose();
}

async function trainFile(file, epochs = 2) {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let n = 0;
    let sum = 0;
    for await (const doc of documents(file)) {
      const { value, finalState } = trainDocument(doc);
      n++;
      sum += value;
      trackCentroid(finalState, n);
      if (n % 250 === 0) {
        const norm = tf.tidy(() => centroid.norm().arraySync());
        console.log(`epoch ${epoch} docs ${n} loss ${(sum / 250).toFixed(4)} centroid|h| ${norm.toFixed(3)}`);
        sum = 0;
      }
    }
  }
}

if (require.main === module) {
  trainFile(process.argv[2] || 'train.jsonl')
    .then(() => console.log('training finished'))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}

module.exports = { trainFile, gru };
