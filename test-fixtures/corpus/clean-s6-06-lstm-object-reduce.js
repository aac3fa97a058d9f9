// expect: none
// An LSTM cell written as a plain object with a call method, unrolled over accelerometer windows with reduce while carrying { h, c } to classify activities.
const tf = require('@tensorflow/tfjs');

function createLstmCell(inputDim, units) {
  const W = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.05), true, 'lstm/W');
  const U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.05), true, 'lstm/U');
  // forget-gate bias starts at 1 so early training keeps memory around
  const b = tf.variable(
    tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]),
    true,
    'lstm/b',
  );

  return {
    units,
    variables: [W, U, b],
    call(x, { h, c }) {
      const z = tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
      return { h: hNext, c: cNext };
    },
  };
}

const ACTIVITIES = ['walk', 'run', 'sit', 'stairs_up', 'stairs_down'];
const cell = createLstmCell(3, 48);
const Wc = tf.variable(tf.randomNormal([48, ACTIVITIES.length], 0, 0.05), true, 'cls/W');
const bc = tf.variable(tf.zeros([ACTIVITIES.length]), true, 'cls/b');
const optimizer = tf.train.rmsprop(1e-3);

// windows: [batch, time, 3]
function encodeWindows(windows) {
  const batch = windows.shape[0];
  const init = { h: tf.zeros([batch, cell.units]), c: tf.zeros([batch, cell.units]) };
  return tf.unstack(windows, 1).reduce((state, x) => cell.call(x, state), init);
}

function logits(windows) {
  const { h } = encodeWindows(windows);
  return tf.add(tf.matMul(h, Wc), bc);
}

function fitBatch(windows, labelIdx) {
  return optimizer.minimize(() => {
    const y = tf.oneHot(labelIdx, ACTIVITIES.length);
    return tf.losses.softmaxCrossEntropy(y, logits(windows));
  }, true, [...cell.variables, Wc, bc]);
}

async function classify(windows) {
  const idx = tf.tidy(() => logits(windows).argMax(-1));
  const out = Array.from(await idx.data()).map((i) => ACTIVITIES[i]);
  idx.dispose();
  return out;
}

async function train(dataset, epochs) {
  for (let e = 0; e < epochs; e++) {
    for (const { windows, labels } of dataset) {
      const loss = fitBatch(windows, labels);
      if (e % 5 === 0) console.log('loss', (await loss.data())[0]);
      loss.dispose();
    }
  }
}

module.exports = { train, classify };
