// expect: unused-hidden-state
// little Elman RNN that learns to predict the next sample of a sine wave (plain node, no bundler)
const tf = require('@tensorflow/tfjs');

const HIDDEN_SIZE = 12;
const SEQ_LEN = 20;
const lr = 0.02;

const net = {
  Wx: tf.variable(tf.randomNormal([1, HIDDEN_SIZE], 0, 0.5), true, 'Wx'),
  Wh: tf.variable(tf.randomNormal([HIDDEN_SIZE, HIDDEN_SIZE], 0, 0.2), true, 'Wh'),
  b: tf.variable(tf.zeros([HIDDEN_SIZE]), true, 'b'),
  Wy: tf.variable(tf.randomNormal([HIDDEN_SIZE, 1], 0, 0.3), true, 'Wy'),
  by: tf.variable(tf.zeros([1]), true, 'by'),
};

function rnnStep(x, h) {
  let pre = tf.matMul(x, net.Wx);
  pre.add(tf.matMul(h, net.Wh));
  pre = pre.add(net.b);
  return tf.tanh(pre);
}

function makeBatch(batchSize) {
  const xs = [];
  const ys = [];
  for (let b = 0; b < batchSize; b++) {
    const phase = Math.random() * Math.PI * 2;
    const freq = 0.2 + Math.random() * 0.2;
    const seq = [];
    for (let t = 0; t <= SEQ_LEN; t++) seq.push(Math.sin(phase + t * freq));
    xs.push(seq.slice(0, SEQ_LEN));
    ys.push(seq.slice(1));
  }
  // time-major: [T][B][1]
  const X = [];
  const Y = [];
  for (let t = 0; t < SEQ_LEN; t++) {
    X.push(tf.tensor2d(xs.map(s => [s[t]])));
    Y.push(tf.tensor2d(ys.map(s => [s[t]])));
  }
  return { X, Y };
}

function forward(X) {
  let h = tf.zeros([X[0].shape[0], HIDDEN_SIZE]);
  const preds = [];
  for (let t = 0; t < X.length; t++) {
    h = rnnStep(X[t], h);
    preds.push(h.matMul(net.Wy).add(net.by));
  }
  return preds;
}

const optimizer = tf.train.adam(lr);

function trainStep(batch) {
  const { value, grads } = tf.variableGrads(() => {
    const preds = forward(batch.X);
    const losses = preds.map((p, t) => tf.losses.meanSquaredError(batch.Y[t], p));
    return tf.addN(losses).div(losses.length);
  });
  optimizer.applyGradients(grads);
  const l = value.dataSync()[0];
  value.dispose();
  tf.dispose(grads);
  return l;
}

function run() {
  for (let it = 0; it < 150; it++) {
    const batch = makeBatch(16);
    const loss = trainStep(batch);
    tf.dispose(batch.X);
    tf.dispose(batch.Y);
    if (it % 25 === 0) console.log('iter', it, 'mse', loss.toFixed(5), 'tensors', tf.memory().numTensors);
  }
}

module.exports = { net, rnnStep, forward, makeBatch, run };

if (require.main === module) run();
