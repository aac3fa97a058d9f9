// expect: none
// Language-model style training on long streams with truncated BPTT: each stream is split into fixed-size chunks.
const tf = require('@tensorflow/tfjs');

const UNITS = 12;
const CHUNK = 5;

function createParams(inputDim, seed) {
  const init = (shape, k) => tf.variable(tf.randomNormal(shape, 0, 0.2, 'float32', seed + k));
  return {
    wx: init([inputDim, UNITS], 0),
    wh: init([UNITS, UNITS], 1),
    b: tf.variable(tf.zeros([UNITS])),
    wo: init([UNITS, inputDim], 2),
  };
}

function rnnStep(p, x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b));
}

function chunkLoss(p, inputs, targets, h0, carry) {
  let h = h0;
  const terms = [];
  for (let t = 0; t < inputs.length; t++) {
    h = rnnStep(p, inputs[t], h);
    terms.push(tf.losses.meanSquaredError(targets[t], tf.matMul(h, p.wo)));
  }
  carry.state = tf.keep(h);
  return tf.div(tf.addN(terms), inputs.length);
}

function trainOnStream(p, optimizer, stream) {
  // Fresh state for every independent stream.
  let h = tf.zeros([1, UNITS]);
  const losses = [];
  for (let start = 0; start + 1 < stream.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, stream.length - 1);
    const inputs = [];
    const targets = [];
    for (let t = start; t < end; t++) {
      inputs.push(tf.tensor2d([stream[t]]));
      targets.push(tf.tensor2d([stream[t + 1]]));
    }
    const carry = { state: null };
    const cost = optimizer.minimize(() => chunkLoss(p, inputs, targets, h, carry), true);
    losses.push(cost.dataSync()[0]);
    cost.dispose();
    tf.dispose(inputs.concat(targets));
    // Truncated BPTT: the state handed to the next chunk is a plain value computed
    // in the previous minimize() call, so gradients stop at the chunk boundary by design.
    h.dispose();
    h = carry.state;
  }
  h.dispose();
  return losses;
}

function makeStream(len, phase) {
  return Array.from({ length: len }, (_, t) => [Math.sin(0.4 * t + phase), Math.cos(0.4 * t + phase)]);
}

function train(epochs) {
  const p = createParams(2, 5);
  const optimizer = tf.train.adam(0.02);
  const history = [];
  for (let e = 0; e < epochs; e++) {
    const losses = [0, 1, 2].flatMap((phase) => trainOnStream(p, optimizer, makeStream(21, phase)));
    history.push(losses.reduce((a, b) => a + b, 0) / losses.length);
  }
  return { p, history };
}

module.exports = { createParams, rnnStep, trainOnStream, train };

if (require.main === module) {
  const { history } = train(15);
  console.log(history.map((v) => v.toFixed(4)).join(' '));
}
