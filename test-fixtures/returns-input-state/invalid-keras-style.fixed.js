// Keras-style cells written as plain classes: `call(inputs, states)` returns `[output, newStates]`.
const tf = require('@tensorflow/tfjs');

class MinimalRNNCell {
  constructor(units, inputDim) {
    this.kernel = tf.variable(tf.randomNormal([inputDim, units]));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units]));
  }

  call(inputs, states) {
    const prevOutput = states[0];
    const output = tf.add(tf.matMul(inputs, this.kernel), tf.matMul(prevOutput, this.recurrentKernel));
    return [output, [output]];
    //              ~~~~~~ returns-input-state
  }
}

// A file's own `SimpleRNNCell` (not tfjs's): its subclass is a plain class too.
class SimpleRNNCell {
  constructor(units, inputDim) {
    this.kernel = tf.variable(tf.randomNormal([inputDim, units]));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units]));
    this.gateKernel = tf.variable(tf.randomNormal([inputDim + units, units]));
  }

  call(inputs, states) {
    const [h] = states;
    const out = tf.tanh(tf.add(tf.matMul(inputs, this.kernel), tf.matMul(h, this.recurrentKernel)));
    return [out, [out]];
  }
}

class GatedCell extends SimpleRNNCell {
  call(inputs, states) {
    const [h] = states;
    const [candidate] = super.call(inputs, states);
    const u = tf.sigmoid(tf.matMul(tf.concat([inputs, h], 1), this.gateKernel));
    const hNew = tf.add(tf.mul(u, h), tf.mul(tf.sub(1, u), candidate));
    return [hNew, [hNew]];
    //            ~~~~~~ returns-input-state
  }
}

// A list of one state, destructured and handed back in a list of its own.
class ListGruCell {
  constructor(units, inputDim) {
    this.kernel = tf.variable(tf.randomNormal([inputDim, units]));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units]));
  }

  call(inputs, states) {
    const [h] = states;
    const z = tf.sigmoid(tf.add(tf.matMul(inputs, this.kernel), tf.matMul(h, this.recurrentKernel)));
    const out = z.mul(h).add(tf.sub(1, z).mul(tf.tanh(tf.matMul(inputs, this.kernel))));
    return [out, [out]];
    //            ~ returns-input-state
  }
}

function rnn(cell, inputs, initialStates) {
  let states = initialStates;
  const outputs = [];
  for (const x of inputs) {
    const [out, next] = cell.call(x, states);
    outputs.push(out);
    states = next;
  }
  return outputs;
}

module.exports = { MinimalRNNCell, SimpleRNNCell, GatedCell, ListGruCell, rnn };
