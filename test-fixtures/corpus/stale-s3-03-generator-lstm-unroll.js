// expect: stale-state
// CommonJS LSTM module with a generator that lazily unrolls it over audio frames; bug: in unroll() every iteration calls cell.forward with `initial`, and the yielded [h, c] is never carried into the next step.
const tf = require('@tensorflow/tfjs');

class LSTMModule {
  constructor(inputSize, hiddenSize) {
    this.hiddenSize = hiddenSize;
    this.W = tf.variable(tf.randomNormal([inputSize + hiddenSize, 4 * hiddenSize], 0, 0.05));
    this.b = tf.variable(tf.zeros([4 * hiddenSize]));
  }

  forward(x, [h, c]) {
    return tf.tidy(() => {
      const gates = tf.concat([x, h], 1).matMul(this.W).add(this.b);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const cNew = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
      const hNew = o.sigmoid().mul(cNew.tanh());
      return [hNew, cNew];
    });
  }
}

function* unroll(cell, frames, initial) {
  for (const frame of frames) {
    const [h, c] = cell.forward(frame, initial);
    yield { h, c };
  }
}

function summarize(cell, frames) {
  const batch = frames[0].shape[0];
  const initial = [tf.zeros([batch, cell.hiddenSize]), tf.zeros([batch, cell.hiddenSize])];
  let last = null;
  for (const step of unroll(cell, frames, initial)) {
    if (last) tf.dispose([last.h, last.c]);
    last = step;
  }
  tf.dispose(initial);
  return last ? last.h : null;
}

module.exports = { LSTMModule, unroll, summarize };
