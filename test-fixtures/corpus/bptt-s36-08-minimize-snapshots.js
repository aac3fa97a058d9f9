// expect: bptt-cut
// CommonJS trainer for a tiny RNN that learns to echo a delayed bit, recording hidden states for a plot.
'use strict';

const tf = require('@tensorflow/tfjs');

const defaults = {
  hidden: 12,
  delay: 3,
  seqLen: 20,
  batch: 32,
  steps: 300,
  lr: 0.02
};

function makeModel(hidden) {
  return {
    wx: tf.variable(tf.randomNormal([1, hidden], 0, 0.3)),
    wh: tf.variable(tf.randomNormal([hidden, hidden], 0, 0.3)),
    b: tf.variable(tf.zeros([hidden])),
    wo: tf.variable(tf.randomNormal([hidden, 1], 0, 0.3)),
    bo: tf.variable(tf.zeros([1]))
  };
}

function makeBatch(opts) {
  const bits = [];
  const targets = [];
  for (let i = 0; i < opts.batch; i++) {
    const row = Array.from({ length: opts.seqLen }, () => (Math.random() < 0.5 ? 1 : 0));
    bits.push(row);
    targets.push(row.map((_, t) => (t >= opts.delay ? row[t - opts.delay] : 0)));
  }
  return { bits, targets };
}

function rnnStep(m, x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, m.wx), tf.matMul(h, m.wh)), m.b));
}

function train(options, log) {
  const opts = Object.assign({}, defaults, options);
  const m = makeModel(opts.hidden);
  const optimizer = tf.train.rmsprop(opts.lr);
  const trace = [];

  for (let it = 0; it < opts.steps; it++) {
    const { bits, targets } = makeBatch(opts);
    const states = [];
    const cost = optimizer.minimize(() => {
      const xs = tf.tensor3d(bits.map((r) => r.map((v) => [v])));
      const ys = tf.tensor3d(targets.map((r) => r.map((v) => [v])));
      const xSteps = tf.unstack(xs, 1);
      const ySteps = tf.unstack(ys, 1);
      let h = tf.zeros([opts.batch, opts.hidden]);
      const losses = [];
      for (let t = 0; t < opts.seqLen; t++) {
        const hNext = rnnStep(m, xSteps[t], h);
        const logit = tf.add(tf.matMul(hNext, m.wo), m.bo);
        losses.push(tf.losses.sigmoidCrossEntropy(ySteps[t], logit));
        const snapshot = hNext.arraySync();
        states.push(snapshot[0]);
        h = tf.tensor2d(snapshot);
      }
      return tf.addN(losses).div(opts.seqLen);
    }, true);

    const value = cost.dataSync()[0];
    cost.dispose();
    if (it % 25 === 0) {
      trace.push({ it, loss: value, states });
      if (log) log(`step ${it}  loss ${value.toFixed(4)}`);
    }
  }
  return { model: m, trace };
}

module.exports = train;
module.exports.defaults = defaults;

if (require.main === module) {
  const { trace } = train({ steps: Number(process.argv[2]) || defaults.steps }, console.log);
  require('fs').writeFileSync('trace.json', JSON.stringify(trace));
}
