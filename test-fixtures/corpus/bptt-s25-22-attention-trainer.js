// expect: bptt-cut
// Trains an attention seq2seq model that turns numbers written in words into digits ("two four" -> "24").
const tf = require('@tensorflow/tfjs');

const SRC = ['<pad>', 'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TGT = ['<s>', '</s>', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const H = 16;

function param(shape, seed, name) {
  return tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed), true, name);
}

const P = {
  srcEmb: param([SRC.length, H], 1, 'srcEmb'),
  encW: param([2 * H, H], 2, 'encW'),
  tgtEmb: param([TGT.length, H], 3, 'tgtEmb'),
  decW: param([3 * H, H], 4, 'decW'),
  outW: param([2 * H, TGT.length], 5, 'outW'),
};

const tanhCell = (W, x, h) => tf.tanh(tf.matMul(tf.concat([x, h], 1), W));

// Runs the encoder and returns the attention memory (one row per source word) plus its final row.
function buildMemory(srcIds) {
  const rows = [];
  let h = tf.zeros([1, H]);
  srcIds.forEach((id) => {
    h = tanhCell(P.encW, tf.gather(P.srcEmb, [id]), h);
    rows.push(h.arraySync()[0]);
  });
  return { memory: tf.tensor2d(rows), last: tf.tensor2d([rows[rows.length - 1]]) };
}

function exampleLoss(srcIds, tgtIds) {
  const { memory, last } = buildMemory(srcIds);
  let h = last;
  let prev = 0;
  const losses = [];
  for (const gold of [...tgtIds, 1]) {
    const weights = tf.softmax(tf.matMul(h, memory, false, true));
    const context = tf.matMul(weights, memory);
    h = tanhCell(P.decW, tf.concat([tf.gather(P.tgtEmb, [prev]), context], 1), h);
    const logits = tf.matMul(tf.concat([h, context], 1), P.outW);
    losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot([gold], TGT.length), logits));
    prev = gold;
  }
  return tf.mean(tf.stack(losses));
}

function randomExample() {
  const n = 1 + Math.floor(Math.random() * 3);
  const digits = Array.from({ length: n }, () => Math.floor(Math.random() * 10));
  return { src: digits.map((d) => d + 1), tgt: digits.map((d) => d + 2) };
}

function trainStep(optimizer, batchSize = 8) {
  const batch = Array.from({ length: batchSize }, randomExample);
  const { value, grads } = tf.variableGrads(() =>
    tf.tidy(() => tf.addN(batch.map((ex) => exampleLoss(ex.src, ex.tgt))).div(batchSize)),
  );
  optimizer.applyGradients(grads);
  const lossValue = value.dataSync()[0];
  const gradNames = Object.keys(grads);
  tf.dispose([value, ...Object.values(grads)]);
  return { lossValue, gradNames };
}

function train(steps = 30) {
  const optimizer = tf.train.adam(0.02);
  const history = [];
  for (let s = 0; s < steps; s++) history.push(trainStep(optimizer).lossValue);
  return history;
}

module.exports = { P, buildMemory, exampleLoss, trainStep, train };

if (require.main === module) {
  const history = train();
  console.log('loss', history[0].toFixed(3), '->', history[history.length - 1].toFixed(3));
}
