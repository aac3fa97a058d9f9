// expect: tidy-disposed-state
// Orthogonal vs. Gaussian recurrent matrices: participation ratio of hidden trajectories driven by white noise.
import * as tf from '@tensorflow/tfjs';

const n = 32, T = 200, g = 1.0;

function orthogonal(seed) {
  return tf.tidy(() => {
    const [Q, R] = tf.linalg.qr(tf.randomNormal([n, n], 0, 1, 'float32', seed));
    // sign fix so Q is Haar-distributed
    const d = tf.sign(R.mul(tf.eye(n)).sum(0));
    return Q.mul(d).mul(g);
  });
}

function gaussian(seed) {
  return tf.randomNormal([n, n], 0, g / Math.sqrt(n), 'float32', seed);
}

function drive(seed) {
  const X = tf.randomNormal([T, 1], 0, 1, 'float32', seed);
  const xs = tf.split(X, T, 0);
  X.dispose();
  return xs;
}

// h_t = tanh(x_t w + h_{t-1} U)
function trajectory(U, w, xs) {
  const H = [];
  const hT = tf.tidy(() => {
    let h = tf.zeros([1, n]);
    xs.forEach((x) => {
      h = tf.tanh(tf.matMul(x, w).add(tf.matMul(h, U)));
      H.push(h);
    });
    return h;
  });
  return { H, hT };
}

// PR = (tr C)^2 / tr(C^2)
function participationRatio(H) {
  return tf.tidy(() => {
    const Y = tf.concat(H, 0);
    const Z = Y.sub(Y.mean(0));
    const C = tf.matMul(Z, Z, true, false).div(H.length - 1);
    const tr = C.mul(tf.eye(n)).sum();
    return tr.square().div(C.square().sum()).dataSync()[0];
  });
}

const w = tf.randomNormal([1, n], 0, 0.5, 'float32', 1);
const xs = drive(2);
const cells = { orthogonal: orthogonal(10), gaussian: gaussian(10) };
for (const [name, U] of Object.entries(cells)) {
  const { H, hT } = trajectory(U, w, xs);
  const pr = participationRatio(H.slice(20));
  console.log(name.padEnd(11), 'PR', pr.toFixed(2), ' |h_T|', tf.norm(hT).dataSync()[0].toFixed(3));
}
