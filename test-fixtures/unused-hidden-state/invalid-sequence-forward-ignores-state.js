const tf = require('@tensorflow/tfjs');

class CharLSTM {
  constructor(n) {
    this.n = n;
    this.W_ih = tf.variable(tf.randomNormal([n, 4 * n], 0, 0.1));
    this.W_hh = tf.variable(tf.randomNormal([n, 4 * n], 0, 0.1));
  }

  init_hidden(batch) {
    return [tf.zeros([batch, this.n]), tf.zeros([batch, this.n])];
  }

  // Runs a chunk from a fresh state and hands back the final one; the state passed in is ignored.
  forward(xs, hidden) {
//            ~~~~~~ unused-hidden-state
    let [h, c] = this.init_hidden(xs[0].shape[0]);
    const outs = [];
    for (const x of xs) {
      const gates = tf.matMul(x, this.W_ih).add(tf.matMul(h, this.W_hh));
      const [i, f, g, o] = tf.split(gates, 4, 1);
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      h = tf.sigmoid(o).mul(tf.tanh(c));
      outs.push(h);
    }
    return [outs, [h, c]];
  }
}

function evaluate(model, chunks) {
  let hidden = model.init_hidden(1);
  for (const chunk of chunks) {
    const [, next] = model.forward(chunk, hidden);
    hidden = next;
  }
  return hidden;
}

module.exports = { CharLSTM, evaluate };
