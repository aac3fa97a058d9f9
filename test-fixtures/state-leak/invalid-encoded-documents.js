// A heatmap tracer: each document's characters are encoded with a vocabulary and fed to a char-level cell.
// `h` is made once, before the loop over documents, so each document starts from the last one's state.
const tf = require('@tensorflow/tfjs');

function charCell(vocabSize, units) {
  const wx = tf.randomNormal([vocabSize, units]);
  const wh = tf.randomNormal([units, units]);
  return (id, h) => tf.tidy(() => tf.tanh(tf.gather(wx, [id]).add(h.matMul(wh))));
}

function encode(text, vocab) {
  return Array.from(text, (ch) => vocab.get(ch) ?? 0);
}

function traceDocuments(docs, vocab, units) {
  const step = charCell(vocab.size, units);
  const blocks = [];
  let h = tf.zeros([1, units]);
  docs.forEach((doc) => {
    const rows = [];
    for (const id of encode(doc.text, vocab)) {
      const next = step(id, h);
      //                    ~ state-leak
      h.dispose();
      h = next;
      rows.push(Array.from(h.dataSync()));
    }
    blocks.push({ title: doc.title, rows });
  });
  h.dispose();
  return blocks;
}

function traceSentences(sentences, options, units) {
  const step = charCell(options.vocab.size, units);
  let h = tf.zeros([1, units]);
  const out = [];
  for (const sentence of sentences) {
    for (const id of encode(sentence, options.vocab)) {
      h = step(id, h);
      //           ~ state-leak
    }
    out.push(h.arraySync());
  }
  return out;
}

module.exports = { traceDocuments, traceSentences };
