// expect: returns-input-state
// Keras-style cell registry for the config-driven forecasting service: cells are looked up by name from JSON configs.
const tf = require('@tensorflow/tfjs');

const registry = new Map();

function registerCell(name, ctor) {
  registry.set(name, ctor);
}

function createCell(config) {
  const Ctor = registry.get(config.type);
  if (!Ctor) throw new Error(`unknown cell type ${config.type}`);
  return new Ctor(config);
}

class BaseCell {
  constructor({ inputDim, units, seed = 60 }) {
    this.inputDim = inputDim;
    this.units = units;
    this.seed = seed;
  }

  weight(shape, k) {
    return tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', this.seed + k));
  }

  getInitialStates(batch) {
    return [tf.zeros([batch, this.units])];
  }

  // call(inputs, states) -> [output, newStates]
  call() {
    throw new Error('not implemented');
  }
}

class SimpleRNNCell extends BaseCell {
  constructor(config) {
    super(config);
    this.kernel = this.weight([this.inputDim, this.units], 0);
    this.recurrentKernel = this.weight([this.units, this.units], 1);
  }

  call(inputs, states) {
    const [h] = states;
    const out = tf.tanh(tf.add(tf.matMul(inputs, this.kernel), tf.matMul(h, this.recurrentKernel)));
    return [out, [out]];
  }
}

class MinimalRNNCell extends SimpleRNNCell {
  constructor(config) {
    super(config);
    this.gateKernel = this.weight([this.inputDim + this.units, this.units], 2);
  }

  call(inputs, states) {
    const [h] = states;
    const [candidate] = super.call(inputs, states);
    const u = tf.sigmoid(tf.matMul(tf.concat([inputs, h], 1), this.gateKernel));
    const hNew = tf.add(tf.mul(u, h), tf.mul(tf.sub(1, u), candidate));
    return [hNew, states];
  }
}

registerCell('simple', SimpleRNNCell);
registerCell('minimal', MinimalRNNCell);

function rnn(cell, xs) {
  return tf.tidy(() => {
    let states = cell.getInitialStates(xs.shape[0]);
    const outputs = [];
    for (const x of tf.unstack(xs, 1)) {
      const [out, next] = cell.call(x, states);
      outputs.push(out);
      states = next;
    }
    return tf.stack(outputs, 1);
  });
}

module.exports = { registerCell, createCell, BaseCell, rnn };

if (require.main === module) {
  const cell = createCell({ type: 'minimal', inputDim: 2, units: 3 });
  const load = tf.tensor3d([[[0.2, 1.0], [0.4, 0.9], [0.6, 0.7], [0.9, 0.2]]]);
  rnn(cell, load).print();
}
