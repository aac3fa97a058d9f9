// expect: none
// Two-layer IndRNN (Li et al., 2018) sequence classifier with a clipped element-wise recurrent weight, trained with full BPTT.
const tf = require('@tensorflow/tfjs');

const SEQ_LEN = 50;
const INPUT_DIM = 8;
const UNITS = 32;
const LAYERS = 2;
const CLASSES = 4;
// |u| <= 2^(1/T) keeps the recurrent product bounded over T steps
const U_MAX = Math.pow(2, 1 / SEQ_LEN);

function makeLayer(inDim, units, name) {
  return {
    W: tf.variable(tf.randomNormal([inDim, units], 0, Math.sqrt(2 / inDim)), true, `${name}/W`),
    u: tf.variable(tf.randomUniform([units], 0, 1), true, `${name}/u`),
    b: tf.variable(tf.zeros([units]), true, `${name}/b`),
  };
}

const layers = [];
for (let l = 0; l < LAYERS; l++) {
  layers.push(makeLayer(l === 0 ? INPUT_DIM : UNITS, UNITS, `indrnn${l}`));
}
const Wout = tf.variable(tf.randomNormal([UNITS, CLASSES], 0, 0.1), true, 'head/W');
const bout = tf.variable(tf.zeros([CLASSES]), true, 'head/b');

// h_t = relu(W x_t + u ⊙ h_{t-1} + b)
function indStep(layer, x, h) {
  const u = tf.clipByValue(layer.u, -U_MAX, U_MAX);
  return tf.relu(tf.add(tf.add(tf.matMul(x, layer.W), tf.mul(u, h)), layer.b));
}

function forward(xs) {
  // xs: [batch, time, features]
  const batch = xs.shape[0];
  const steps = tf.unstack(xs, 1);
  let states = layers.map(() => tf.zeros([batch, UNITS]));
  for (const xt of steps) {
    let inp = xt;
    states = states.map((h, l) => {
      const hNew = indStep(layers[l], inp, h);
      inp = hNew;
      return hNew;
    });
  }
  return tf.add(tf.matMul(states[LAYERS - 1], Wout), bout);
}

// Class k: a burst on input channel k somewhere in the first ten steps, noise elsewhere.
function makeBatch(n) {
  const xb = tf.buffer([n, SEQ_LEN, INPUT_DIM]);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(Math.random() * CLASSES);
    labels.push(k);
    const at = Math.floor(Math.random() * 10);
    for (let t = 0; t < SEQ_LEN; t++) {
      for (let f = 0; f < INPUT_DIM; f++) xb.set(0.2 * (Math.random() - 0.5), i, t, f);
    }
    xb.set(1.5, i, at, k);
  }
  return { xs: xb.toTensor(), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES) };
}

const optimizer = tf.train.adam(2e-3);

async function train(iterations) {
  for (let it = 1; it <= iterations; it++) {
    const { xs, ys } = makeBatch(64);
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, forward(xs)), true);
    if (it % 50 === 0) console.log(`iter ${it}  loss ${(await loss.data())[0].toFixed(4)}`);
    tf.dispose([xs, ys, loss]);
  }
}

async function evaluate() {
  const { xs, ys } = makeBatch(512);
  const acc = tf.tidy(() => {
    const pred = tf.argMax(tf.softmax(forward(xs)), 1);
    return tf.mean(tf.cast(tf.equal(pred, tf.argMax(ys, 1)), 'float32'));
  });
  console.log(`accuracy ${((await acc.data())[0] * 100).toFixed(1)}%`);
  tf.dispose([xs, ys, acc]);
}

train(600).then(evaluate);
