// expect: none
// Hand-written GRU (tf.variable weights) classifying synthetic ECG beats; the update interpolates (1 - z) * h + z * hTilde, the whole unroll sits inside optimizer.minimize, and the learned initial state is a variable created once outside the closure.
const tf = require('@tensorflow/tfjs');

const UNITS = 40;
const CLASSES = 3;

function glorot(rows, cols) {
  const lim = Math.sqrt(6 / (rows + cols));
  return tf.variable(tf.randomUniform([rows, cols], -lim, lim));
}

const W = {
  Wz: glorot(1, UNITS), Uz: glorot(UNITS, UNITS), bz: tf.variable(tf.zeros([UNITS])),
  Wr: glorot(1, UNITS), Ur: glorot(UNITS, UNITS), br: tf.variable(tf.zeros([UNITS])),
  Wh: glorot(1, UNITS), Uh: glorot(UNITS, UNITS), bh: tf.variable(tf.zeros([UNITS])),
  Wc: glorot(UNITS, CLASSES), bc: tf.variable(tf.zeros([CLASSES])),
  hInit: tf.variable(tf.zeros([1, UNITS]), true, 'hInit'),
};

function gruCell(x, h) {
  const z = tf.sigmoid(x.matMul(W.Wz).add(h.matMul(W.Uz)).add(W.bz));
  const r = tf.sigmoid(x.matMul(W.Wr).add(h.matMul(W.Ur)).add(W.br));
  const hTilde = tf.tanh(x.matMul(W.Wh).add(r.mul(h).matMul(W.Uh)).add(W.bh));
  return tf.sub(1, z).mul(h).add(z.mul(hTilde));
}

function logitsFor(beats) {
  const [batch, steps] = beats.shape;
  let h = tf.tile(W.hInit, [batch, 1]);
  for (let t = 0; t < steps; t++) {
    h = gruCell(beats.slice([0, t], [batch, 1]), h);
  }
  return h.matMul(W.Wc).add(W.bc);
}

function syntheticBeat(label) {
  const out = [];
  for (let t = 0; t < 60; t++) {
    const qrs = Math.exp(-((t - 20) ** 2) / (label === 1 ? 4 : 10));
    const tWave = 0.3 * Math.exp(-((t - (label === 2 ? 38 : 45)) ** 2) / 30);
    out.push(qrs + tWave + 0.03 * (Math.random() - 0.5));
  }
  return out;
}

const dataset = tf.data.generator(function* () {
  for (let i = 0; i < 3000; i++) {
    const label = i % CLASSES;
    yield { xs: syntheticBeat(label), ys: Array.from({ length: CLASSES }, (_, k) => (k === label ? 1 : 0)) };
  }
}).shuffle(500).batch(32);

async function run() {
  const optimizer = tf.train.adam(3e-3);
  for (let epoch = 0; epoch < 8; epoch++) {
    let correct = 0, seen = 0, lossSum = 0, batches = 0;
    await dataset.forEachAsync(({ xs, ys }) => {
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, logitsFor(xs)), true);
      lossSum += loss.dataSync()[0];
      batches++;
      tf.tidy(() => {
        const pred = logitsFor(xs).argMax(1);
        correct += pred.equal(ys.argMax(1)).sum().dataSync()[0];
      });
      seen += xs.shape[0];
      tf.dispose([loss, xs, ys]);
    });
    console.log(`epoch ${epoch}: loss ${(lossSum / batches).toFixed(4)} acc ${(correct / seen).toFixed(3)}`);
  }
}

run();
