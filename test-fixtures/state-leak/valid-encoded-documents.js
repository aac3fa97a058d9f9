// Look-alikes of invalid-encoded-documents.js that are correct: the state is reset for each document,
// the lines of ONE document continue one sequence, and a loop over the vocabulary scores each word
// from the same state (a fan-out, not a sequence).
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
    h.dispose();
    h = tf.zeros([1, units]);
    const rows = [];
    for (const id of encode(doc.text, vocab)) {
      const next = step(id, h);
      h.dispose();
      h = next;
      rows.push(Array.from(h.dataSync()));
    }
    blocks.push({ title: doc.title, rows });
  });
  h.dispose();
  return blocks;
}

function readDocument(doc, vocab, units) {
  const step = charCell(vocab.size, units);
  let h = tf.zeros([1, units]);
  for (const line of doc.lines) {
    for (const id of encode(line, vocab)) {
      h = step(id, h);
    }
  }
  return h;
}

function readChunks(chunks, vocab, units) {
  const step = charCell(vocab.size, units);
  let h = tf.zeros([1, units]);
  for (const chunk of chunks) {
    for (const id of encode(chunk.text, vocab)) {
      h = step(id, h);
    }
  }
  return h;
}

function scoreVocabulary(text, vocab, units) {
  const step = charCell(vocab.size, units);
  let h = tf.zeros([1, units]);
  for (const id of encode(text, vocab)) h = step(id, h);
  const scores = [];
  for (const candidate of vocab.values()) {
    scores.push(step(candidate, h).sum().dataSync()[0]);
  }
  return scores;
}

module.exports = { traceDocuments, readDocument, readChunks, scoreVocabulary };
