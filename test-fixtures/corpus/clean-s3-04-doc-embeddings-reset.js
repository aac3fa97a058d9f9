// expect: none
// Node script computing one embedding per document with an Elman step; `h` is declared once but reassigned to zeros at the start of every document.
const tf = require('@tensorflow/tfjs-node');
const fs = require('fs');

function makeStep({ E, W, U, b }) {
  return (tokenId, h) =>
    tf.tidy(() => {
      const x = tf.gather(E, tf.tensor1d([tokenId], 'int32'));
      return tf.tanh(x.matMul(W).add(h.matMul(U)).add(b));
    });
}

function embedCorpus(docs, vocab, weights) {
  const step = makeStep(weights);
  const units = weights.U.shape[0];
  const out = {};
  let h;
  for (const doc of docs) {
    h = tf.zeros([1, units]);
    for (const tok of doc.text.toLowerCase().split(/\s+/).filter(Boolean)) {
      const next = step(vocab[tok] ?? vocab['<unk>'], h);
      h.dispose();
      h = next;
    }
    out[doc.id] = Array.from(h.dataSync());
    h.dispose();
  }
  return out;
}

if (require.main === module) {
  const raw = JSON.parse(fs.readFileSync(process.argv[2] || './weights.json', 'utf8'));
  const weights = {
    E: tf.tensor2d(raw.embedding),
    W: tf.tensor2d(raw.W),
    U: tf.tensor2d(raw.U),
    b: tf.tensor1d(raw.b),
  };
  const vocab = JSON.parse(fs.readFileSync('./vocab.json', 'utf8'));
  const docs = JSON.parse(fs.readFileSync('./docs.json', 'utf8'));
  fs.writeFileSync('./embeddings.json', JSON.stringify(embedCorpus(docs, vocab, weights)));
}

module.exports = { embedCorpus };
