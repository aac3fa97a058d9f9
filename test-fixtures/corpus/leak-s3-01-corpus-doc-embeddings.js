// expect: state-leak
// Node script computing one embedding per document by running an Elman step over its tokens; bug: `h` is created once before the loop over documents and never reset, so each document starts from the previous document's final state.
const tf = require('@tensorflow/tfjs-node');
const fs = require('fs');

function loadWeights(path) {
  const raw = JSON.parse(fs.readFileSync(path, 'utf8'));
  return {
    E: tf.tensor2d(raw.embedding),
    W: tf.tensor2d(raw.W),
    U: tf.tensor2d(raw.U),
    b: tf.tensor1d(raw.b),
  };
}

function makeStep({ E, W, U, b }) {
  return (tokenId, h) =>
    tf.tidy(() => {
      const x = tf.gather(E, tf.tensor1d([tokenId], 'int32'));
      return tf.tanh(x.matMul(W).add(h.matMul(U)).add(b));
    });
}

function embedCorpus(docs, vocab, weights) {
  const step = makeStep(weights);
  const out = {};
  let h = tf.zeros([1, weights.U.shape[0]]);
  for (const doc of docs) {
    for (const tok of doc.text.toLowerCase().split(/\s+/).filter(Boolean)) {
      const id = vocab[tok] ?? vocab['<unk>'];
      const next = step(id, h);
      h.dispose();
      h = next;
    }
    out[doc.id] = Array.from(h.dataSync());
  }
  h.dispose();
  return out;
}

if (require.main === module) {
  const weights = loadWeights(process.argv[2] || './weights.json');
  const vocab = JSON.parse(fs.readFileSync('./vocab.json', 'utf8'));
  const docs = JSON.parse(fs.readFileSync('./docs.json', 'utf8'));
  fs.writeFileSync('./embeddings.json', JSON.stringify(embedCorpus(docs, vocab, weights)));
}

module.exports = { embedCorpus };
