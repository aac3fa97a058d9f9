// expect: none
// Teaching script: trains a GRU-style cell on one long noisy sine stream with truncated BPTT and logs per-window loss.
const tf = require('@tensorflow/tfjs');

const UNITS = 16;
const WINDOW = 25;

const vars = {
  W: tf.variable(tf.randomNormal([1, 3 * UNITS], 0, 0.3, 'float32', 1)),
  U: tf.variable(tf.randomNormal([UNITS, 3 * UNITS], 0, 0.2, 'float32', 2)),
  b: tf.variable(tf.zeros([3 * UNITS])),
  Wo: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.2, 'float32', 3)),
};

function cell(x, h) {
  const [xz, xr, xn] = tf.split(x.matMul(vars.W).add(vars.b), 3, 1);
  const [uz, ur, un] = tf.split(vars.U, 3, 1);
  const z = tf.sigmoid(xz.add(h.matMul(uz)));
  const r = tf.sigmoid(xr.add(h.matMul(ur)));
  const n = tf.tanh(xn.add(r.mul(h).matMul(un)));
  return tf.sub(1, z).mul(n).add(z.mul(h));
}

function makeStream(length) {
  return Array.from({ length }, (_, t) => Math.sin(t * 0.07) + 0.1 * (Math.random() - 0.5));
}

function trainOnStream(stream, optimizer) {
  const losses = [];
  // Truncated BPTT: the hidden state is carried from window to window so the model
  // sees the whole stream, but gradients only flow back within one WINDOW-step chunk.
  let carry = tf.zeros([1, UNITS]);
  for (let start = 0; start + WINDOW + 1 <= stream.length; start += WINDOW) {
    const xs = stream.slice(start, start + WINDOW);
    const ys = stream.slice(start + 1, start + WINDOW + 1);
    let nextCarry = null;
    const loss = optimizer.minimize(() => {
      let h = carry;
      const errs = [];
      for (let t = 0; t < WINDOW; t++) {
        h = cell(tf.tensor2d([[xs[t]]]), h);
        const pred = h.matMul(vars.Wo);
        errs.push(pred.sub(ys[t]).square().mean());
      }
      nextCarry = tf.keep(h.clone());
      return tf.addN(errs).div(WINDOW);
    }, true);
    losses.push(loss.dataSync()[0]);
    loss.dispose();
    carry.dispose();
    carry = nextCarry;
  }
  carry.dispose();
  return losses;
}

function main() {
  const optimizer = tf.train.rmsprop(0.005);
  for (let epoch = 0; epoch < 5; epoch++) {
    const stream = makeStream(1000);
    const losses = trainOnStream(stream, optimizer);
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    console.log(`epoch ${epoch}: windows=${losses.length} mean loss=${mean.toFixed(5)} last=${losses[losses.length - 1].toFixed(5)}`);
  }
  console.log('tensors alive:', tf.memory().numTensors);
}

if (require.main === module) main();

module.exports = { trainOnStream, cell, vars };
