// expect: bptt-cut
// predicting tomorrow's temperature from the last 10 days with a small hand-written RNN (node script)
const tf = require('@tensorflow/tfjs');

const DAYS = 10;
const HID = 8;
const EPOCHS = 60;

// fake weather: seasonal curve + noise
const temps = [];
for (let d = 0; d < 400; d++) temps.push(12 + 10 * Math.sin((2 * Math.PI * d) / 365) + (Math.random() - 0.5) * 3);
const mean = temps.reduce((a, b) => a + b, 0) / temps.length;
const norm = temps.map(t => (t - mean) / 10);

function windows() {
  const X = [];
  const Y = [];
  for (let i = 0; i + DAYS < norm.length; i += 3) {
    X.push(norm.slice(i, i + DAYS));
    Y.push([norm[i + DAYS]]);
  }
  return { X: tf.tensor2d(X), Y: tf.tensor2d(Y) };
}

const Wx = tf.variable(tf.randomNormal([1, HID], 0, 0.4), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([HID, HID], 0, 0.4), true, 'Wh');
const bh = tf.variable(tf.zeros([HID]), true, 'bh');
const Wy = tf.variable(tf.randomNormal([HID, 1], 0, 0.4), true, 'Wy');
const by = tf.variable(tf.zeros([1]), true, 'by');

function runRNN(seqs) {
  // seqs: [N, DAYS] -> last hidden [N, HID]
  return tf.tidy(() => {
    const N = seqs.shape[0];
    let h = tf.zeros([N, HID]);
    for (let t = 0; t < DAYS; t++) {
      const x_t = seqs.slice([0, t], [N, 1]);
      h = tf.tanh(x_t.matMul(Wx).add(h.matMul(Wh)).add(bh));
    }
    return h;
  });
}

const optimizer = tf.train.adam(0.02);

async function train() {
  const { X, Y } = windows();
  console.log('windows:', X.shape[0]);
  const WhBefore = Wh.clone();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const hLast = runRNN(X);
    const cost = optimizer.minimize(() => {
      const pred = hLast.matMul(Wy).add(by);
      return tf.losses.meanSquaredError(Y, pred);
    }, true);
    if (epoch % 10 === 0) console.log('epoch', epoch, 'mse', cost.dataSync()[0].toFixed(4));
    cost.dispose();
    hLast.dispose();
    await tf.nextFrame();
  }
  const drift = tf.tidy(() => Wh.sub(WhBefore).abs().max().dataSync()[0]);
  console.log('recurrent weights moved by', drift);
  WhBefore.dispose();
  tf.dispose([X, Y]);
}

function predictTomorrow(last10) {
  return tf.tidy(() => {
    const seq = tf.tensor2d([last10.map(t => (t - mean) / 10)]);
    const y = runRNN(seq).matMul(Wy).add(by);
    return y.dataSync()[0] * 10 + mean;
  });
}

train().then(() => {
  const recent = temps.slice(-DAYS);
  console.log('last 10 days:', recent.map(t => t.toFixed(1)).join(' '));
  console.log('forecast for tomorrow:', predictTomorrow(recent).toFixed(1));
});
