// CommonJS with tfjs-node: a class with forward(x, hPrev), a named `RNNCell`, and a reduce unroll.
'use strict';
const tf = require('@tensorflow/tfjs-node');
const { RNNCell } = tf.layers;

class GRUEncoderCell {
  constructor(inputSize, hiddenSize) {
    this.wz = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
    this.wn = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
  }

  // Every gate reads the input only; no recurrent weight was ever declared.
  forward(x, hPrev) {
//           ~~~~~ unused-hidden-state
    return tf.tidy(() => {
      const z = tf.sigmoid(tf.matMul(x, this.wz));
      const n = tf.tanh(tf.matMul(x, this.wn));
      return tf.sub(1, z).mul(n);
    });
  }
}

class CounterCell extends RNNCell {
  constructor(units) {
    super({});
    this.units = units;
    this.stateSize = units;
  }

  build(inputShape) {
    this.kernel = this.addWeight('kernel', [inputShape[inputShape.length - 1], this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.built = true;
  }

  call(inputs) {
    const [x, state] = inputs;
//            ~~~~~ unused-hidden-state
    const out = tf.tanh(tf.matMul(x, this.kernel.read()));
    return [out, out];
  }

  static get className() {
    return 'CounterCell';
  }
}
tf.serialization.registerClass(CounterCell);

const Wx = tf.variable(tf.randomNormal([3, 5], 0, 0.1));
const Wrec = tf.variable(tf.randomNormal([5, 5], 0, 0.1));

// Unrolled with reduce, the accumulator first: it is the state, and the step drops it.
function elmanStep(prevState, x) {
//                 ~~~~~~~~~ unused-hidden-state
  return tf.tanh(x.matMul(Wx));
}

function encode(xs) {
  return xs.reduce((h, x) => elmanStep(h, x), tf.zeros([1, 5]));
}

module.exports = { GRUEncoderCell, CounterCell, encode };
