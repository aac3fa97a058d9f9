// expect: state-leak, bptt-cut
// Trains a hotel-review classifier: each review's tokens are fed through an RNN cell and a logistic head is fitted on the resulting summary vector.
const tf = require('@tensorflow/tfjs');

const VOCAB = 10000;
const EMB = 32;
const UNITS = 48;

const emb = tf.variable(tf.randomNormal([VOCAB, EMB], 0, 0.05), true, 'emb');
const Wx = tf.variable(tf.randomNormal([EMB, UNITS], 0, 0.05), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.05), true, 'Wh');
const bh = tf.variable(tf.zeros([UNITS]), true, 'bh');
const Wc = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.05), true, 'Wc');
const bc = tf.variable(tf.zeros([1]), true, 'bc');

const optimizer = tf.train.adam(2e-3);

function rnnStep(tokenId, hidden) {
  return tf.tidy(() => {
    const x = tf.gather(emb, [tokenId]);
    return tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(hidden, Wh)), bh));
  });
}

async function trainEpoch(reviews) {
  let hidden = tf.zeros([1, UNITS]);
  let total = 0;

  for (const review of reviews) {
    for (const tok of review.tokens) {
      const next = rnnStep(tok, hidden);
      hidden.dispose();
      hidden = next;
    }

    const summary = hidden;
    const label = tf.tensor2d([[review.label]]);
    const loss = optimizer.minimize(() => {
      const logit = tf.add(tf.matMul(summary, Wc), bc);
      return tf.losses.sigmoidCrossEntropy(label, logit);
    }, true);

    total += (await loss.data())[0];
    tf.dispose([loss, label]);
  }

  hidden.dispose();
  return total / reviews.length;
}

async function train(reviews, epochs = 5) {
  for (let e = 0; e < epochs; e++) {
    tf.util.shuffle(reviews);
    const loss = await trainEpoch(reviews);
    console.log(`epoch ${e + 1}: ${loss.toFixed(4)}`);
  }
}

function tokenize(text, vocab) {
  return text.toLowerCase().split(/\W+/).filter(Boolean).map((w) => vocab.get(w) ?? 1);
}

module.exports = { train, tokenize };
