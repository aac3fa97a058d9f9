// expect: stale-state
// Continuous-time RNN (Beer 1995) integrated with forward Euler; tau, W, theta fitted so unit 0 traces a sine.
const tf = require('@tensorflow/tfjs');

const n = 4, dt = 0.1, K = 120;

function params(seed) {
  return {
    W: tf.variable(tf.randomNormal([n, n], 0, 1.5, 'float32', seed)),
    th: tf.variable(tf.randomNormal([1, n], 0, 0.5, 'float32', seed + 1)),
    lt: tf.variable(tf.zeros([1, n])),          // log tau
    g: tf.variable(tf.ones([1, n])),            // input gain
  };
}

// tau dy/dt = -y + sigma(y + theta) W + g*I
function euler(p, y, I) {
  return tf.tidy(() => {
    const r = tf.sigmoid(y.add(p.th));
    const dy = y.neg().add(tf.matMul(r, p.W)).add(p.g.mul(I));
    return y.add(dy.mul(dt).div(tf.exp(p.lt)));
  });
}

function simulate(p, y0, I, steps) {
  let y = y0;
  const out = [];
  for (let k = 0; k < steps; k++) {
    const yn = euler(p, y0, I[k]);
    out.push(tf.sigmoid(yn.add(p.th)).slice([0, 0], [1, 1]));
    y = yn;
  }
  return { r: tf.concat(out, 0), y };
}

function main() {
  const p = params(17);
  const y0 = tf.zeros([1, n]);
  const I = [];
  for (let k = 0; k < K; k++) I.push(tf.tensor2d([[k < 5 ? 1 : 0, 0, 0, 0]]));
  const target = tf.tensor2d(
    Array.from({ length: K }, (_, k) => [0.5 + 0.3 * Math.sin(2 * Math.PI * k * dt / 4)])
  );
  const opt = tf.train.adam(0.05);
  for (let it = 0; it <= 100; it++) {
    const L = opt.minimize(() => tf.losses.meanSquaredError(target, simulate(p, y0, I, K).r), true);
    if (it % 25 === 0) console.log('iter', it, 'mse', L.dataSync()[0].toFixed(5));
    L.dispose();
  }
  const { r } = simulate(p, y0, I, K);
  const a = r.dataSync();
  console.log('r(t) samples', [0, 10, 20, 30, 40].map((k) => a[k].toFixed(3)).join(' '));
}

module.exports = { params, euler, simulate };
if (require.main === module) main();
