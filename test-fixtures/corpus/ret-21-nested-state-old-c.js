// expect: returns-input-state
const tf = require('@tensorflow/tfjs');

class LSTMPort {
  constructor(W, b, V) {
    this.W = W;
    this.b = b;
    this.V = V;
  }

  forward(x, [h, c]) {
    const z = tf.concat([x, h], 1).matMul(this.W).add(this.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
    return [hNew.matMul(this.V), [hNew, c]];
  }
}

module.exports = { LSTMPort };
