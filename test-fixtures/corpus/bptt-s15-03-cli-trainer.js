// expect: bptt-cut
// CLI: trains a tiny RNN to continue a sine wave and can write the learned weights to a JSON checkpoint.
'use strict';
const tf = require('@tensorflow/tfjs');
const fs = require('fs');

function parseArgs(argv) {
  const opts = { epochs: 30, lr: 0.05, seqLen: 12, units: 8, out: null, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--epochs') opts.epochs = Number(argv[++i]);
    else if (a === '--lr') opts.lr = Number(argv[++i]);
    else if (a === '--seq') opts.seqLen = Number(argv[++i]);
    else if (a === '--units') opts.units = Number(argv[++i]);
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--quiet') opts.quiet = true;
    else throw new Error(`unknown flag ${a}`);
  }
  return opts;
}

function makeParams(units) {
  return {
    wx: tf.variable(tf.randomNormal([1, units], 0, 0.5, 'float32', 1), true, 'wx'),
    wh: tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 2), true, 'wh'),
    b: tf.variable(tf.zeros([units]), true, 'b'),
    wy: tf.variable(tf.randomNormal([units, 1], 0, 0.5, 'float32', 3), true, 'wy'),
  };
}

function zeroState(units) {
  return [new Array(units).fill(0)];
}

// One RNN step over a scalar reading; returns the prediction and the next state.
function step(p, value, state) {
  const h = tf.tensor2d(state);
  const x = tf.tensor2d([[value]]);
  const hNext = tf.tanh(x.matMul(p.wx).add(h.matMul(p.wh)).add(p.b));
  return { pred: hNext.matMul(p.wy), state: hNext.arraySync() };
}

function sequenceLoss(p, series, units) {
  let state = zeroState(units);
  const losses = [];
  for (let t = 0; t < series.length - 1; t++) {
    const out = step(p, series[t], state);
    losses.push(tf.squaredDifference(out.pred, tf.scalar(series[t + 1])).mean());
    state = out.state;
  }
  return tf.addN(losses).div(losses.length);
}

function makeBatch(count, seqLen, epoch) {
  const seqs = [];
  for (let k = 0; k < count; k++) {
    const phase = (epoch * 0.37 + k * 1.3) % (2 * Math.PI);
    seqs.push(Array.from({ length: seqLen }, (_, t) => Math.sin(phase + t * 0.5)));
  }
  return seqs;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const params = makeParams(opts.units);
  const optimizer = tf.train.adam(opts.lr);
  const log = opts.quiet ? () => {} : (...m) => console.log(...m);

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const batch = makeBatch(4, opts.seqLen, epoch);
    const cost = optimizer.minimize(() => {
      const per = batch.map((seq) => sequenceLoss(params, seq, opts.units));
      return tf.addN(per).div(per.length);
    }, true);
    if (epoch % 5 === 0 || epoch === opts.epochs - 1) log(`epoch ${epoch} loss ${cost.dataSync()[0].toFixed(5)}`);
    cost.dispose();
  }

  if (opts.out) {
    const ckpt = {};
    for (const [k, v] of Object.entries(params)) ckpt[k] = v.arraySync();
    fs.writeFileSync(opts.out, JSON.stringify(ckpt));
    log(`saved ${opts.out}`);
  }
  return params;
}

if (require.main === module) {
  main();
}

module.exports = { step, sequenceLoss, makeParams, zeroState };
