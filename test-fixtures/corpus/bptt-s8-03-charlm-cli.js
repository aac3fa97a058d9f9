// expect: bptt-cut
// Command-line trainer for a character-level RNN language model on a text file, printing the loss every few hundred iterations.
const fs = require('fs');
const tf = require('@tensorflow/tfjs');

const args = process.argv.slice(2);
const corpusPath = args[0] || './corpus.txt';
const iterations = Number(args[1] || 2000);
const SEQ_LEN = 32;
const HIDDEN = 128;
const STATE_CLIP = 5;

const text = fs.existsSync(corpusPath) ? fs.readFileSync(corpusPath, 'utf8') : 'hello world '.repeat(200);
const chars = Array.from(new Set(text.split(''))).sort();
const charToId = new Map(chars.map((c, i) => [c, i]));
const V = chars.length;

const params = {
  Wxh: tf.variable(tf.randomNormal([V, HIDDEN], 0, 0.05)),
  Whh: tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.05)),
  bh: tf.variable(tf.zeros([HIDDEN])),
  Why: tf.variable(tf.randomNormal([HIDDEN, V], 0, 0.05)),
  by: tf.variable(tf.zeros([V])),
};
const optimizer = tf.train.adam(0.002);

function sampleWindow() {
  const start = Math.floor(Math.random() * (text.length - SEQ_LEN - 1));
  const ids = [];
  for (let i = 0; i <= SEQ_LEN; i++) ids.push(charToId.get(text[start + i]));
  return ids;
}

function trainStep(ids) {
  const { value, grads } = tf.variableGrads(() => {
    let h = tf.zeros([1, HIDDEN]);
    let total = tf.scalar(0);
    for (let t = 0; t < SEQ_LEN; t++) {
      const x = tf.oneHot(tf.tensor1d([ids[t]], 'int32'), V).toFloat();
      h = tf.tanh(x.matMul(params.Wxh).add(h.matMul(params.Whh)).add(params.bh));

      // keep the recurrent activations in a sane range
      const raw = h.dataSync();
      const bounded = Float32Array.from(raw, (v) => Math.max(-STATE_CLIP, Math.min(STATE_CLIP, v)));
      h = tf.tensor2d(bounded, [1, HIDDEN]);

      const logits = h.matMul(params.Why).add(params.by);
      const target = tf.oneHot(tf.tensor1d([ids[t + 1]], 'int32'), V);
      total = total.add(tf.losses.softmaxCrossEntropy(target, logits));
    }
    return total.div(SEQ_LEN);
  }, Object.values(params));

  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  value.dispose();
  Object.values(grads).forEach((g) => g.dispose());
  return loss;
}

function main() {
  console.log(`vocab=${V} chars, corpus=${text.length} chars, iters=${iterations}`);
  let smooth = Math.log(V);
  for (let it = 1; it <= iterations; it++) {
    const loss = trainStep(sampleWindow());
    smooth = 0.98 * smooth + 0.02 * loss;
    if (it % 200 === 0) {
      console.log(`iter ${it}  loss ${smooth.toFixed(3)}  tensors ${tf.memory().numTensors}`);
    }
  }
}

main();
