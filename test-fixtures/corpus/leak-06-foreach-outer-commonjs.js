// expect: state-leak
const tf = require('@tensorflow/tfjs');

const dim = 6;
const W = tf.variable(tf.randomNormal([3, dim]));
const U = tf.variable(tf.randomNormal([dim, dim]));
const stepFn = (x, h) => tf.tanh(x.matMul(W).add(h.matMul(U)));

function summarize(documents) {
  const summaries = [];
  let state = tf.zeros([1, dim]);
  documents.forEach((doc) => {
    for (const token of doc.tokens) {
      state = stepFn(token, state);
    }
    summaries.push(state.arraySync());
  });
  return summaries;
}

module.exports = { summarize };
