// expect: bptt-cut
// Training dashboard: fits an Elman RNN to predict a delayed echo of its input and records hidden states for a live heatmap.
const tf = require('@tensorflow/tfjs');

const UNITS = 10;
const STEPS = 20;
const DELAY = 3;

const params = {
  Wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.5), true, 'Wx'),
  Wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3), true, 'Wh'),
  bh: tf.variable(tf.zeros([UNITS]), true, 'bh'),
  Wy: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3), true, 'Wy'),
  by: tf.variable(tf.zeros([1]), true, 'by'),
};

function makeBatch(batchSize) {
  const xs = [];
  const ys = [];
  for (let b = 0; b < batchSize; b++) {
    const seq = Array.from({ length: STEPS }, () => (Math.random() < 0.3 ? 1 : 0));
    xs.push(seq.map((v) => [v]));
    ys.push(seq.map((_, t) => [t >= DELAY ? seq[t - DELAY] : 0]));
  }
  return { x: tf.tensor3d(xs), y: tf.tensor3d(ys) };
}

const dashboard = {
  losses: [],
  heatmap: [],
  push(loss, frames) {
    this.losses.push(loss);
    this.heatmap = frames;
  },
};

function trainStep(optimizer, batchSize) {
  const { x, y } = makeBatch(batchSize);
  const frames = [];
  const loss = optimizer.minimize(() => {
    const inputs = tf.unstack(x, 1);
    const targets = tf.unstack(y, 1);
    let h = tf.zeros([batchSize, UNITS]);
    const errs = [];
    inputs.forEach((xt, t) => {
      const next = tf.tanh(xt.matMul(params.Wx).add(h.matMul(params.Wh)).add(params.bh));
      const snapshot = next.arraySync();
      frames.push(snapshot[0]);
      h = tf.tensor2d(snapshot);
      const pred = h.matMul(params.Wy).add(params.by);
      errs.push(tf.losses.meanSquaredError(targets[t], pred));
    });
    return tf.addN(errs).div(errs.length);
  }, true);
  const value = loss.dataSync()[0];
  loss.dispose();
  x.dispose();
  y.dispose();
  dashboard.push(value, frames);
  return value;
}

function drawHeatmap(ctx, frames) {
  const cw = ctx.canvas.width / STEPS;
  const ch = ctx.canvas.height / UNITS;
  frames.forEach((row, t) => row.forEach((v, u) => {
    const shade = Math.round(127 + 127 * v);
    ctx.fillStyle = `rgb(${shade}, ${shade}, 255)`;
    ctx.fillRect(t * cw, u * ch, cw, ch);
  }));
}

async function train(ctx, lossEl, iterations = 300) {
  const optimizer = tf.train.adam(0.02);
  for (let i = 0; i < iterations; i++) {
    const value = trainStep(optimizer, 16);
    if (i % 10 === 0) {
      lossEl.textContent = `iter ${i}  loss ${value.toFixed(4)}`;
      drawHeatmap(ctx, dashboard.heatmap);
      await tf.nextFrame();
    }
  }
}

module.exports = { train, trainStep, dashboard, params };
