// expect: unused-hidden-state
// A simple RNN cell defined as an object literal with call(x, h) predicts the next GPS displacement of a delivery van and warns when activations grow large.
const tf = require('@tensorflow/tfjs');

const IN = 4;   // dx, dy, speed, heading
const UNITS = 32;

const Wx = tf.variable(tf.randomNormal([IN, UNITS], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.1));
const bh = tf.variable(tf.zeros([UNITS]));
const Wy = tf.variable(tf.randomNormal([UNITS, 2], 0, 0.1));
const h0 = tf.zeros([1, UNITS]);

const cell = {
  warnAt: 25,
  call(x, h) {
    const norm = tf.norm(h).dataSync()[0];
    if (norm > this.warnAt) {
      console.warn(`recurrent norm ${norm.toFixed(1)} above ${this.warnAt}`);
    }
    const hNext = tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h0, Wh)), bh));
    const y = tf.matMul(hNext, Wy);
    return [y, hNext];
  },
};

function predictTrack(points) {
  return tf.tidy(() => {
    let h = h0;
    const preds = [];
    for (const p of points) {
      const x = tf.tensor2d([p], [1, IN]);
      let y;
      [y, h] = cell.call(x, h);
      preds.push(y);
    }
    return tf.concat(preds, 0);
  });
}

const optimizer = tf.train.adam(1e-3);

function trainTrack(points) {
  const inputs = points.slice(0, -1);
  const targets = tf.tensor2d(points.slice(1).map((p) => [p[0], p[1]]));
  const loss = optimizer.minimize(() => {
    let h = h0;
    const preds = [];
    for (const p of inputs) {
      let y;
      [y, h] = cell.call(tf.tensor2d([p], [1, IN]), h);
      preds.push(y);
    }
    return tf.losses.meanSquaredError(targets, tf.concat(preds, 0));
  }, true);
  const v = loss.dataSync()[0];
  tf.dispose([loss, targets]);
  return v;
}

async function trainFleet(tracks, epochs = 20) {
  for (let e = 0; e < epochs; e++) {
    let sum = 0;
    for (const t of tracks) sum += trainTrack(t);
    console.log(`epoch ${e}: ${(sum / tracks.length).toFixed(5)}`);
    await tf.nextFrame();
  }
}

module.exports = { cell, predictTrack, trainFleet };
