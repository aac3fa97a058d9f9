// A recurrent layer whose output activation is looked up by name in a table.
const tf = require('@tensorflow/tfjs');

const ACTIVATIONS = {
  linear: (t) => t,
  relu: (t) => tf.relu(t),
  tanh: (t) => tf.tanh(t),
};

function applyActivation(name, t) {
  const fn = ACTIVATIONS[name];
  if (!fn) throw new Error(`unknown activation ${name}`);
  return fn(t);
}

class Layer {
  constructor({ units, activation = 'relu' }) {
    this.units = units;
    this.activation = activation;
    this.kernel = tf.randomNormal([units, units]);
  }

  step(x, h) {
    const candidate = tf.tanh(x.add(h.matMul(this.kernel)));
    return applyActivation(this.activation, candidate);
    //     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  }
}

module.exports = { layer: new Layer({ units: 4 }) };
