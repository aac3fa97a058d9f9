// expect: none
// A Keras port with a local `K` of backend helpers: a standard GRU update.
import * as tf from '@tensorflow/tfjs';

const K = { dot: tf.matMul, biasAdd: (x, b) => tf.add(x, b), sigmoid: tf.sigmoid, tanh: tf.tanh };

export class PortedGRUCell extends tf.layers.RNNCell {
  constructor(units, inputDim) {
    super({});
    this.units = units;
    this.stateSize = units;
    this.kernel = tf.variable(tf.randomNormal([inputDim, 3 * units], 0, 0.1));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.1));
    this.bias = tf.variable(tf.zeros([3 * units]));
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, hTm1] = inputs;
      const matrixX = K.biasAdd(K.dot(x, this.kernel), this.bias);
      const matrixInner = K.dot(hTm1, this.recurrentKernel);
      const [xZ, xR, xH] = tf.split(matrixX, 3, 1);
      const [rZ, rR, rH] = tf.split(matrixInner, 3, 1);
      const z = K.sigmoid(tf.add(xZ, rZ));
      const r = K.sigmoid(tf.add(xR, rR));
      const hh = K.tanh(tf.add(xH, tf.mul(r, rH)));
      const h = tf.add(tf.mul(z, hTm1), tf.mul(tf.sub(1, z), hh));
      return [h, h];
    });
  }

  static get className() {
    return 'PortedGRUCell';
  }
}
