// expect: returns-input-state, bptt-cut
// Trains a small LSTM next-value predictor where the running state lives in tf.variables owned by the trainer.
const tf = require('@tensorflow/tfjs');

function lstmParams(inputDim, units, seed) {
  const s = seed || 111;
  return {
    units,
    W: tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.3, 'float32', s), true),
    U: tf.variable(tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', s + 1), true),
    b: tf.variable(tf.zeros([4 * units]), true),
    Wy: tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', s + 2), true),
  };
}

function lstmStep(p, x, state) {
  const [h, c] = state;
  const gates = x.matMul(p.W).add(h.matMul(p.U)).add(p.b);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
  return [hNext, [hNext, c]];
}

function Trainer(params, batch) {
  this.p = params;
  this.hVar = tf.variable(tf.zeros([batch, params.units]), false);
  this.cVar = tf.variable(tf.zeros([batch, params.units]), false);
  this.optimizer = tf.train.adam(0.02);
}

Trainer.prototype.resetState = function () {
  this.hVar.assign(tf.zerosLike(this.hVar));
  this.cVar.assign(tf.zerosLike(this.cVar));
};

Trainer.prototype.lossOn = function (xs, target) {
  const p = this.p;
  let y = null;
  for (const x of xs) {
    const [out, [h, c]] = lstmStep(p, x, [this.hVar, this.cVar]);
    this.hVar.assign(h);
    this.cVar.assign(c);
    y = out;
  }
  return tf.losses.meanSquaredError(target, y.matMul(p.Wy));
};

Trainer.prototype.fitSequence = function (xs, target) {
  this.resetState();
  const loss = this.optimizer.minimize(() => this.lossOn(xs, target), true);
  const v = loss.dataSync()[0];
  loss.dispose();
  return v;
};

function toyBatch(batch, time, seed) {
  return tf.tidy(() => {
    const raw = tf.randomUniform([time, batch, 1], -1, 1, 'float32', seed);
    const xs = tf.unstack(raw).map((t) => tf.keep(t));
    const target = tf.keep(xs[0].mul(0.5).add(xs[1].mul(0.5)));
    return { xs, target };
  });
}

module.exports = { lstmParams, lstmStep, Trainer, toyBatch };

if (require.main === module) {
  const trainer = new Trainer(lstmParams(1, 8), 32);
  const { xs, target } = toyBatch(32, 5, 7);
  const losses = [];
  for (let e = 0; e < 60; e++) losses.push(trainer.fitSequence(xs, target));
  console.log('loss', losses[0].toFixed(4), '->', losses[losses.length - 1].toFixed(4));
}
