// expect: none
// Node char-RNN training with tf.variableGrads: the whole unroll runs inside the loss closure; arraySync()/dataSync() are only used afterwards for logging a sample of the final hidden state.
const tf = require('@tensorflow/tfjs-node');

const VOCAB = 65;
const HIDDEN = 128;
const w = {
  Wxh: tf.variable(tf.randomNormal([VOCAB, HIDDEN], 0, 0.05)),
  Whh: tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.05)),
  bh: tf.variable(tf.zeros([HIDDEN])),
  Why: tf.variable(tf.randomNormal([HIDDEN, VOCAB], 0, 0.05)),
  by: tf.variable(tf.zeros([VOCAB])),
};
const optimizer = tf.train.adam(2e-3);

function trainStep(inputs, targets) {
  // inputs/targets: arrays of one-hot Tensor2D [batch, VOCAB], one per timestep
  let finalHidden = null;
  const { value, grads } = tf.variableGrads(() => {
    let h = tf.zeros([inputs[0].shape[0], HIDDEN]);
    const losses = inputs.map((x, t) => {
      h = x.matMul(w.Wxh).add(h.matMul(w.Whh)).add(w.bh).tanh();
      const logits = h.matMul(w.Why).add(w.by);
      return tf.losses.softmaxCrossEntropy(targets[t], logits);
    });
    finalHidden = tf.keep(h.slice([0, 0], [1, 8]));
    return tf.addN(losses).div(inputs.length);
  });
  const clipped = Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.clipByValue(g, -5, 5)]));
  optimizer.applyGradients(clipped);
  const loss = value.dataSync()[0];
  const sample = finalHidden.arraySync()[0].map((n) => n.toFixed(2));
  tf.dispose([value, finalHidden, ...Object.values(grads), ...Object.values(clipped)]);
  return { loss, sample };
}

module.exports = { trainStep, weights: w };
