// expect: bptt-cut
// Deep residual GRU encoder (GNMT-style residual connections between stacked layers) for gesture classification from IMU windows.
const tf = require('@tensorflow/tfjs');

const IMU = 6; // accelerometer xyz + gyroscope xyz
const UNITS = 64;
const DEPTH = 4;
const GESTURES = ['swipe-left', 'swipe-right', 'circle', 'shake', 'idle'];

class GRUCell {
  constructor(units, name) {
    const w = (key) => tf.variable(tf.randomNormal([units, 3 * units], 0, 1 / Math.sqrt(units)), true, `${name}/${key}`);
    this.W = w('W');
    this.U = w('U');
    this.b = tf.variable(tf.zeros([3 * units]), true, `${name}/b`);
  }

  step(x, h) {
    const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, this.W), this.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.U), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
  }
}

class ResidualGRUStack {
  constructor(inDim, units, depth) {
    this.units = units;
    this.inProj = tf.variable(tf.randomNormal([inDim, units], 0, 1 / Math.sqrt(inDim)), true, 'in_proj');
    this.cells = Array.from({ length: depth }, (_, l) => new GRUCell(units, `gru${l}`));
  }

  // Layer l >= 1 receives x^l_t = o^{l-1}_t and emits o^l_t = h^l_t + x^l_t.
  run(xs) {
    const [B] = xs.shape;
    let layerInputs = tf.unstack(xs, 1).map((x) => tf.matMul(x, this.inProj));
    this.cells.forEach((cell, l) => {
      let h = tf.zeros([B, this.units]);
      const outs = [];
      for (const x of layerInputs) {
        h = cell.step(x, h);
        outs.push(l > 0 ? tf.add(h, x) : h);
      }
      layerInputs = outs;
    });
    return layerInputs[layerInputs.length - 1];
  }
}

const encoder = new ResidualGRUStack(IMU, UNITS, DEPTH);
const head = {
  W: tf.variable(tf.randomNormal([UNITS, GESTURES.length], 0, 0.05), true, 'head/W'),
  b: tf.variable(tf.zeros([GESTURES.length]), true, 'head/b'),
};
const classify = (features) => tf.add(tf.matMul(features, head.W), head.b);

function imuBatch(n, T = 50) {
  const xb = tf.buffer([n, T, IMU]);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const g = Math.floor(Math.random() * GESTURES.length);
    labels.push(g);
    for (let t = 0; t < T; t++) {
      const phase = (2 * Math.PI * t) / T;
      const pattern = [
        g === 0 ? -Math.sin(phase) : g === 1 ? Math.sin(phase) : 0,
        g === 2 ? Math.cos(phase) : 0,
        g === 3 ? Math.sin(8 * phase) : 0,
      ];
      for (let k = 0; k < IMU; k++) xb.set((pattern[k % 3] ?? 0) + 0.1 * (Math.random() - 0.5), i, t, k);
    }
  }
  return { xs: xb.toTensor(), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), GESTURES.length) };
}

async function main() {
  const optimizer = tf.train.adam(1e-3);
  for (let epoch = 1; epoch <= 15; epoch++) {
    let total = 0;
    for (let b = 0; b < 10; b++) {
      const { xs, ys } = imuBatch(32);
      const top = tf.tidy(() => encoder.run(xs));
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, classify(top)), true);
      total += (await loss.data())[0];
      tf.dispose([xs, ys, top, loss]);
    }
    console.log(`epoch ${epoch}: loss ${(total / 10).toFixed(4)}`);
  }
}

main();
