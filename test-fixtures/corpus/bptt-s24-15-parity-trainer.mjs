// expect: bptt-cut
// Teaches a vanilla RNN the running-parity task on bit strings, training from an async stream of minibatches.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const SEQ = 6;

const W = {
  wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.5), true, 'rnn/wx'),
  wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3), true, 'rnn/wh'),
  bh: tf.variable(tf.zeros([UNITS]), true, 'rnn/bh'),
  wo: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3), true, 'out/wo'),
  bo: tf.variable(tf.zeros([1]), true, 'out/bo'),
};

const unroll = (xs) => {
  const [batch] = xs.shape;
  return tf.unstack(xs, 1).reduce(
    (h, xt) => tf.tanh(xt.reshape([batch, 1]).matMul(W.wx).add(h.matMul(W.wh)).add(W.bh)),
    tf.zeros([batch, UNITS]),
  );
};

const readout = (h) => h.matMul(W.wo).add(W.bo);

async function* minibatches(count, size = 64) {
  for (let i = 0; i < count; i++) {
    const bits = Array.from({ length: size }, () => Array.from({ length: SEQ }, () => (Math.random() < 0.5 ? 0 : 1)));
    const labels = bits.map((row) => [row.reduce((a, b) => a ^ b, 0)]);
    yield { xs: tf.tensor3d(bits.map((r) => r.map((b) => [b]))), ys: tf.tensor2d(labels) };
    await null; // let the event loop breathe between batches
  }
}

const optimizer = tf.train.rmsprop(0.01);
const stats = { steps: 0, lastLoss: NaN };

for await (const { xs, ys } of minibatches(150)) {
  const hFinal = tf.tidy(() => unroll(xs));
  const { value, grads } = tf.variableGrads(() =>
    tf.losses.sigmoidCrossEntropy(ys, readout(hFinal)).mean(),
  );
  optimizer.applyGradients(grads);
  stats.lastLoss = value.dataSync()[0];
  stats.steps++;
  if (stats.steps % 50 === 0) console.log(`step ${stats.steps} loss=${stats.lastLoss.toFixed(4)}`);
  tf.dispose([xs, ys, hFinal, value, ...Object.values(grads)]);
}

const acc = tf.tidy(() => {
  const bits = tf.randomUniform([256, SEQ, 1]).round();
  const truth = bits.sum([1, 2]).mod(2);
  const pred = readout(unroll(bits)).squeeze().greater(0).cast('float32');
  return pred.equal(truth).mean().dataSync()[0];
});
console.log(`accuracy ${(acc * 100).toFixed(1)}% after ${stats.steps} steps`);
