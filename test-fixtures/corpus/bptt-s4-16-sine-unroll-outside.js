// expect: bptt-cut, stale-state
// Node sine-wave regressor with tf.data batches: the recurrent unroll runs in a tidy before optimizer.minimize and only the readout is computed inside the closure; the free-running evaluation loop also keeps stepping from hEval without adopting the new state.
const tf = require('@tensorflow/tfjs');

const UNITS = 32;
const SEQ = 25;

const Wx = tf.variable(tf.randomNormal([1, UNITS], 0, 0.3), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 1 / Math.sqrt(UNITS)), true, 'Wh');
const bh = tf.variable(tf.zeros([UNITS]), true, 'bh');
const Wy = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.1), true, 'Wy');
const by = tf.variable(tf.zeros([1]), true, 'by');

const cellStep = (x, h) => tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(bh));
const readout = (h) => h.matMul(Wy).add(by);

function unroll(xs) {
  const [batch, steps] = xs.shape;
  let h = tf.zeros([batch, UNITS]);
  for (let t = 0; t < steps; t++) {
    h = cellStep(xs.slice([0, t], [batch, 1]), h);
  }
  return h;
}

function sineDataset(n) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const phase = Math.random() * Math.PI * 2;
    const freq = 0.1 + Math.random() * 0.2;
    const seq = Array.from({ length: SEQ + 1 }, (_, t) => Math.sin(phase + freq * t));
    samples.push({ xs: seq.slice(0, SEQ), ys: [seq[SEQ]] });
  }
  return tf.data.array(samples).shuffle(n).batch(64)
    .map(({ xs, ys }) => ({ xs, ys }));
}

async function train(epochs = 20) {
  const optimizer = tf.train.adam(0.005);
  const ds = sineDataset(4096);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0, batches = 0;
    await ds.forEachAsync(({ xs, ys }) => {
      const finalH = tf.tidy(() => unroll(xs));
      const loss = optimizer.minimize(() => tf.losses.meanSquaredError(ys, readout(finalH)), true);
      total += loss.dataSync()[0];
      batches += 1;
      tf.dispose([loss, finalH, xs, ys]);
    });
    console.log(`epoch ${epoch + 1}/${epochs}  mse=${(total / batches).toFixed(5)}`);
  }
}

function freeRun(seed, steps) {
  return tf.tidy(() => {
    const hEval = unroll(tf.tensor2d([seed]));
    let x = tf.tensor2d([[seed[seed.length - 1]]]);
    const out = [];
    for (let k = 0; k < steps; k++) {
      const hNext = cellStep(x, hEval);
      x = readout(hNext);
      out.push(x.dataSync()[0]);
    }
    return out;
  });
}

(async () => {
  await train();
  const seed = Array.from({ length: SEQ }, (_, t) => Math.sin(0.15 * t));
  const generated = freeRun(seed, 50);
  console.log('free-run:', generated.map((v) => v.toFixed(2)).join(' '));
  console.log('tensors in memory:', tf.memory().numTensors);
})();
