// expect: none
// Trains a next-value predictor on very long vibration recordings by walking each recording in 25-step windows and carrying the memory forward.
import * as tf from '@tensorflow/tfjs';

const K = 25;      // window length
const UNITS = 32;

const vars = {
  Wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.2)),
  Wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2)),
  b: tf.variable(tf.zeros([UNITS])),
  Wy: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.2)),
  by: tf.variable(tf.zeros([1])),
};
const optimizer = tf.train.rmsprop(0.003);

function step(x, h) {
  return tf.tanh(x.matMul(vars.Wx).add(h.matMul(vars.Wh)).add(vars.b));
}

/**
 * Truncated BPTT: gradients flow through the K steps of the current window
 * only. The memory handed in from the previous window is treated as a
 * constant on purpose, which keeps the cost per update bounded on recordings
 * with hundreds of thousands of samples.
 */
function trainWindow(values, start, carry) {
  let nextCarry = null;
  const loss = optimizer.minimize(() => {
    let h = carry;
    let total = tf.scalar(0);
    for (let t = start; t < start + K; t++) {
      h = step(tf.tensor2d([[values[t]]]), h);
      const pred = h.matMul(vars.Wy).add(vars.by);
      total = total.add(tf.squaredDifference(pred, tf.tensor2d([[values[t + 1]]])).mean());
    }
    nextCarry = tf.keep(h);
    return total.div(K);
  }, true);
  return { loss, nextCarry };
}

export function trainOnRecording(values) {
  // every recording starts from a blank memory
  let carry = tf.zeros([1, UNITS]);
  let sum = 0;
  let windows = 0;
  for (let start = 0; start + K + 1 <= values.length; start += K) {
    const { loss, nextCarry } = trainWindow(values, start, carry);
    carry.dispose();
    carry = nextCarry;
    sum += loss.dataSync()[0];
    loss.dispose();
    windows += 1;
  }
  carry.dispose();
  return windows ? sum / windows : NaN;
}

function synthRecording(n, freq) {
  return Array.from({ length: n }, (_, i) => Math.sin(i * freq) + 0.05 * (Math.random() - 0.5));
}

const recordings = [synthRecording(2000, 0.07), synthRecording(1500, 0.11), synthRecording(2600, 0.05)];
for (let epoch = 0; epoch < 3; epoch++) {
  recordings.forEach((rec, i) => {
    const mse = trainOnRecording(rec);
    console.log(`epoch ${epoch} recording ${i}: mean window mse ${mse.toFixed(5)}`);
  });
}
console.log('live tensors:', tf.memory().numTensors);
