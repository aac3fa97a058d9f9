// expect: bptt-cut
const tf = require('@tensorflow/tfjs');

const HIDDEN = 32;
const Wx = tf.variable(tf.randomNormal([8, HIDDEN], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.1));
const Wout = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1));
const bOut = tf.variable(tf.zeros([1]));
const optimizer = tf.train.adam(1e-3);

function step(x, h) {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)));
}

function trainStep(xs, target) {
  let h = tf.zeros([xs[0].shape[0], HIDDEN]);
  for (const x of xs) {
    h = step(x, h);
  }
  const cost = optimizer.minimize(() => {
    const pred = tf.matMul(h, Wout).add(bOut);
    return tf.losses.meanSquaredError(target, pred);
  }, true, [Wx, Wh, Wout, bOut]);
  const value = cost.dataSync()[0];
  cost.dispose();
  return value;
}

async function train(dataset, epochs) {
  for (let e = 0; e < epochs; e++) {
    for (const { xs, y } of dataset) {
      const loss = trainStep(xs, y);
      if (e % 10 === 0) console.log(e, loss);
    }
    await tf.nextFrame();
  }
}

module.exports = { train };
