// expect: stale-state
// Runs a small Elman RNN over a batch of embedded sentences with Array.prototype.reduce and collects per-token tag scores for an NER tagger.
const tf = require('@tensorflow/tfjs');

const EMBED = 32;
const HIDDEN = 64;
const TAGS = 9;

const params = {
  Wx: tf.variable(tf.randomNormal([EMBED, HIDDEN], 0, 0.08), true, 'tagger/Wx'),
  Wh: tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.08), true, 'tagger/Wh'),
  b: tf.variable(tf.zeros([HIDDEN]), true, 'tagger/b'),
  Wy: tf.variable(tf.randomNormal([HIDDEN, TAGS], 0, 0.08), true, 'tagger/Wy'),
  by: tf.variable(tf.zeros([TAGS]), true, 'tagger/by'),
};

const optimizer = tf.train.adam(1e-3);

function elmanStep(x, h) {
  const hNext = tf.tanh(tf.add(tf.add(tf.matMul(x, params.Wx), tf.matMul(h, params.Wh)), params.b));
  const logits = tf.add(tf.matMul(hNext, params.Wy), params.by);
  return { logits, h: hNext };
}

// embedded: [batch, time, EMBED] -> logits [batch, time, TAGS]
function tagScores(embedded) {
  const batch = embedded.shape[0];
  const steps = tf.unstack(embedded, 1);
  const h0 = tf.zeros([batch, HIDDEN]);

  const { outputs } = steps.reduce(
    (acc, x) => {
      const { logits, h } = elmanStep(x, acc.h);
      acc.outputs.push(logits);
      return { outputs: acc.outputs, h: acc.h };
    },
    { outputs: [], h: h0 },
  );
  return tf.stack(outputs, 1);
}

function trainBatch(embedded, tagIds) {
  return optimizer.minimize(() => {
    const logits = tagScores(embedded);
    const labels = tf.oneHot(tagIds, TAGS);
    return tf.losses.softmaxCrossEntropy(labels, logits);
  }, true);
}

async function train(batches, epochs = 5) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    for (const { embedded, tagIds } of batches) {
      const loss = trainBatch(embedded, tagIds);
      sum += (await loss.data())[0];
      loss.dispose();
    }
    console.log(`epoch ${epoch}: loss=${(sum / batches.length).toFixed(4)}`);
  }
}

function predictTags(embedded) {
  return tf.tidy(() => tagScores(embedded).argMax(-1));
}

module.exports = { train, predictTags, tagScores };
