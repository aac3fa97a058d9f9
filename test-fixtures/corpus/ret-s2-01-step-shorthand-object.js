// expect: returns-input-state
const tf = require('@tensorflow/tfjs');

function charRNN(vocabSize, hiddenSize) {
  const Wxh = tf.variable(tf.randomNormal([vocabSize, hiddenSize], 0, 0.01));
  const Whh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.01));
  const Why = tf.variable(tf.randomNormal([hiddenSize, vocabSize], 0, 0.01));
  const bh = tf.variable(tf.zeros([hiddenSize]));
  const by = tf.variable(tf.zeros([vocabSize]));

  function step(x, h) {
    const hNext = tf.tanh(x.matMul(Wxh).add(h.matMul(Whh)).add(bh));
    const y = hNext.matMul(Why).add(by);
    return { y, h };
  }

  function forward(oneHots, h0) {
    let h = h0;
    const logits = [];
    for (const x of oneHots) {
      let y;
      ({ y, h } = step(x, h));
      logits.push(y);
    }
    return { logits, h };
  }

  return { step, forward, params: [Wxh, Whh, Why, bh, by] };
}

module.exports = { charRNN };
