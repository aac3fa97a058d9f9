// expect: none
const tf = require('@tensorflow/tfjs');

function encodeDocuments(documents, embed, cell, units) {
  return documents.map((doc) => {
    let state = tf.zeros([1, units]);
    for (const tokenId of doc.tokens) {
      const next = tf.tidy(() => cell.step(embed(tokenId), state));
      state.dispose();
      state = next;
    }
    return { id: doc.id, vector: state };
  });
}

function nearest(query, encoded) {
  let best = null;
  let bestScore = -Infinity;
  for (const { id, vector } of encoded) {
    const score = tf.tidy(() => tf.sum(query.mul(vector)).dataSync()[0]);
    if (score > bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}

module.exports = { encodeDocuments, nearest };
