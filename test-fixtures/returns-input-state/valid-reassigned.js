// JavaScript steps that reassign the state variables they received, then return them.
const tf = require('@tensorflow/tfjs');

const W = tf.variable(tf.randomNormal([4, 32], 0, 0.1));
const U = tf.variable(tf.randomNormal([8, 32], 0, 0.1));

function lstmStep(x, h, c) {
  return tf.tidy(() => {
    const z = tf.add(tf.matMul(x, W), tf.matMul(h, U));
    const [i, f, g, o] = tf.split(z, 4, 1);
    c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    h = tf.mul(tf.sigmoid(o), tf.tanh(c));
    return [h, c];
  });
}

function run(xs) {
  let h = tf.zeros([1, 8]);
  let c = tf.zeros([1, 8]);
  let t = 0;
  while (t < xs.length) {
    [h, c] = lstmStep(xs[t], h, c);
    t++;
  }
  return h;
}

class ResidualCell extends tf.layers.RNNCell {
  constructor() {
    super({});
    this.stateSize = 8;
    this.kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
  }

  call(inputs) {
    let [x, state] = inputs;
    state = state.add(tf.tanh(x.matMul(this.kernel)));
    return [state, state];
  }

  static get className() {
    return 'ResidualCell';
  }
}

module.exports = { run, ResidualCell };

// A state object whose encoder memory rides along unchanged on purpose.
function attentionStep(x, state) {
  const scores = tf.softmax(tf.matMul(state.h, state.memory.transpose()));
  const context = tf.matMul(scores, state.memory);
  const hNew = tf.tanh(tf.add(tf.matMul(tf.concat([x, context], 1), W.slice([0, 0], [12, 8])), state.h));
  return { h: hNew, memory: state.memory };
}

function decode(xs, memory) {
  let state = { h: tf.zeros([1, 8]), memory };
  for (const x of xs) state = attentionStep(x, state);
  return state.h;
}

module.exports.decode = decode;
