// JavaScript styles that keep the state alive across tidy.
const tf = require('@tensorflow/tfjs');

const units = 6;
const cell = tf.layers.lstmCell({ units });
cell.build([null, 4]);

// States returned from tidy as an object and destructured back.
function encodeFrames(frames) {
  let h = tf.zeros([1, units]);
  let c = tf.zeros([1, units]);
  for (const x of frames) {
    const old = [h, c];
    ({ h, c } = tf.tidy(() => {
      const [, h2, c2] = cell.call([x, h, c], {});
      return { h: h2, c: c2 };
    }));
    tf.dispose(old);
  }
  return h;
}

// Locals of the callback are free to be reassigned: they die with it.
function logits(x, W, steps) {
  return tf.tidy(() => {
    let y = x;
    for (let i = 0; i < steps; i++) y = tf.tanh(y.matMul(W));
    return y;
  });
}

// A module-level counter (a number) updated inside tidy.
let calls = 0;
function norm(h) {
  return tf.tidy(() => {
    calls = calls + 1;
    return tf.norm(h).dataSync()[0];
  });
}

// Tensors kept on fields only while the work that reads them runs inside the same tidy.
class Clusterer {
  load(rows) {
    tf.tidy(() => {
      this.data = tf.tensor2d(rows);
      this.fit();
    });
    return this;
  }

  fit() {
    this.sums = this.rowSums();
  }

  rowSums() {
    return this.data.sum(1).arraySync();
  }
}

module.exports = { encodeFrames, logits, norm, Clusterer };
