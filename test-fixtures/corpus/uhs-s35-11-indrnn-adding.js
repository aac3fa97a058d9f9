// expect: unused-hidden-state
// Three-layer IndRNN (Li et al., 2018) on the adding problem with long sequences (T = 200).
const tf = require('@tensorflow/tfjs');

const T = 200;
const UNITS = 64;
const LAYERS = 3;
const BATCH = 50;
const U_MAX = Math.pow(2, 1 / T);

class IndRNNLayer {
  constructor(inDim, units, name) {
    this.units = units;
    this.W = tf.variable(tf.randomNormal([inDim, units], 0, 0.001), true, `${name}_W`);
    this.u = tf.variable(tf.randomUniform([units], 0, U_MAX), true, `${name}_u`);
    this.b = tf.variable(tf.zeros([units]), true, `${name}_b`);
  }

  // h_t = relu(W x_t + u ⊙ h_{t-1} + b), u clipped so that |u|^T stays bounded
  step(x, h) {
    const wx = tf.matMul(x, this.W);
    const uh = tf.mul(tf.clipByValue(this.u, -U_MAX, U_MAX), wx);
    return tf.relu(tf.add(tf.add(wx, uh), this.b));
  }
}

const stack = [];
for (let l = 0; l < LAYERS; l++) stack.push(new IndRNNLayer(l === 0 ? 2 : UNITS, UNITS, `ind${l}`));
const head = { W: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.01)), b: tf.variable(tf.zeros([1])) };

function predict(xs) {
  const [B] = xs.shape;
  const steps = tf.unstack(xs, 1);
  const hs = stack.map((layer) => tf.zeros([B, layer.units]));
  for (const xt of steps) {
    let inp = xt;
    for (let l = 0; l < LAYERS; l++) {
      hs[l] = stack[l].step(inp, hs[l]);
      inp = hs[l];
    }
  }
  return tf.add(tf.matMul(hs[LAYERS - 1], head.W), head.b);
}

// Adding problem: channel 0 holds U(0,1) values, channel 1 marks exactly two positions
// (one in each half); the target is the sum of the two marked values.
function addingBatch(n) {
  const xb = tf.buffer([n, T, 2]);
  const yb = tf.buffer([n, 1]);
  for (let i = 0; i < n; i++) {
    const a = Math.floor(Math.random() * (T / 2));
    const b = T / 2 + Math.floor(Math.random() * (T / 2));
    let sum = 0;
    for (let t = 0; t < T; t++) {
      const val = Math.random();
      xb.set(val, i, t, 0);
      if (t === a || t === b) {
        xb.set(1, i, t, 1);
        sum += val;
      }
    }
    yb.set(sum, i, 0);
  }
  return { xs: xb.toTensor(), ys: yb.toTensor() };
}

async function main() {
  const optimizer = tf.train.adam(2e-4);
  console.log('baseline MSE (always predict 1.0) ≈ 0.167');
  for (let it = 1; it <= 2000; it++) {
    const { xs, ys } = addingBatch(BATCH);
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(ys, predict(xs)), true);
    if (it % 100 === 0) console.log(`iter ${it}  mse ${(await loss.data())[0].toFixed(4)}`);
    tf.dispose([xs, ys, loss]);
  }
}

main();
