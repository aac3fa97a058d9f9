// expect: stacked-activation
// Configurable RNN layer for a heart-rate anomaly model; activation is chosen by name from the experiment config.
const tf = require('@tensorflow/tfjs');

const ACTIVATIONS = {
  linear: (t) => t,
  relu: (t) => tf.relu(t),
  tanh: (t) => tf.tanh(t),
  sigmoid: (t) => tf.sigmoid(t),
};

function applyActivation(name, t) {
  const fn = ACTIVATIONS[name];
  if (!fn) throw new Error(`unknown activation ${name}`);
  return fn(t);
}

class SimpleRecurrentLayer {
  constructor({ inputDim, units, activation = 'relu', seed = 90 }) {
    this.units = units;
    this.activation = activation;
    this.kernel = tf.variable(tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed));
    this.recurrent = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1));
    this.bias = tf.variable(tf.zeros([units]));
  }

  step(x, h) {
    const candidate = tf.tanh(x.matMul(this.kernel).add(h.matMul(this.recurrent)).add(this.bias));
    return applyActivation(this.activation, candidate);
  }

  call(sequence) {
    return tf.tidy(() => {
      const [batch, steps] = sequence.shape;
      let h = tf.zeros([batch, this.units]);
      const states = [];
      for (const x of tf.unstack(sequence, 1)) {
        h = this.step(x, h);
        states.push(h);
      }
      return { last: h, all: tf.stack(states, 1), steps };
    });
  }
}

function anomalyScores(layer, readout, windows) {
  return tf.tidy(() => {
    const { last } = layer.call(tf.tensor3d(windows));
    return tf.sigmoid(last.matMul(readout)).reshape([-1]).arraySync();
  });
}

module.exports = { SimpleRecurrentLayer, anomalyScores, applyActivation };

if (require.main === module) {
  const layer = new SimpleRecurrentLayer({ inputDim: 2, units: 6, activation: 'relu' });
  const readout = tf.randomNormal([6, 1], 0, 0.5, 'float32', 7);
  const windows = [
    [[0.6, 0.1], [0.62, 0.1], [0.61, 0.12], [0.6, 0.1]],
    [[0.6, 0.1], [0.95, 0.8], [0.3, 0.9], [0.99, 0.7]],
  ];
  console.log(anomalyScores(layer, readout, windows));
}
