const tf = require('@tensorflow/tfjs');

// Same shape as a forward that ignores its state, but each one is correct.
class CharLSTM {
  constructor(n) {
    this.n = n;
    this.W_ih = tf.variable(tf.randomNormal([n, 4 * n], 0, 0.1));
    this.W_hh = tf.variable(tf.randomNormal([n, 4 * n], 0, 0.1));
  }

  init_hidden(batch) {
    return [tf.zeros([batch, this.n]), tf.zeros([batch, this.n])];
  }

  // Starts from the state passed in, or a fresh one for the first chunk.
  forward(xs, hidden = null) {
    let [h, c] = hidden ?? this.init_hidden(xs[0].shape[0]);
    for (const x of xs) {
      const gates = tf.matMul(x, this.W_ih).add(tf.matMul(h, this.W_hh));
      const [i, f, g, o] = tf.split(gates, 4, 1);
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      h = tf.sigmoid(o).mul(tf.tanh(c));
    }
    return [h, [h, c]];
  }
}

// The second parameter is not a state: a training flag.
class Tagger {
  constructor(n) {
    this.n = n;
    this.W = tf.variable(tf.randomNormal([n, n], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([n, n], 0, 0.1));
  }

  forward(xs, training) {
    let h = tf.zeros([xs[0].shape[0], this.n]);
    for (const x of xs) h = tf.tanh(tf.matMul(x, this.W).add(tf.matMul(h, this.U)));
    return [h, h];
  }
}

// A mask beside the input; the state is reset per sequence and not handed back.
class Encoder {
  constructor(n) {
    this.n = n;
    this.W = tf.variable(tf.randomNormal([n, n], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([n, n], 0, 0.1));
  }

  forward(xs, mask) {
    let h = tf.zeros([xs[0].shape[0], this.n]);
    xs.forEach((x) => { h = tf.tanh(tf.matMul(x, this.W).add(tf.matMul(h, this.U))); });
    return h;
  }
}

module.exports = { CharLSTM, Tagger, Encoder };
