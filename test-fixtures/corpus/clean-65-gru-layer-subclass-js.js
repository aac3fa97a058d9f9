// expect: none
// GRU written against tf.layers.Layer in plain JS, states passed as the rest of the inputs.
import * as tf from '@tensorflow/tfjs';

export class GRUBlock extends tf.layers.Layer {
  constructor(units, inputDim) {
    super({});
    this.units = units;
    this.Wz = tf.variable(tf.randomNormal([inputDim + units, units], 0, 0.1));
    this.Wr = tf.variable(tf.randomNormal([inputDim + units, units], 0, 0.1));
    this.Wn = tf.variable(tf.randomNormal([inputDim + units, units], 0, 0.1));
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, ...rest] = inputs;
      const h = rest[0];
      const xh = tf.concat([x, h], 1);
      const z = tf.sigmoid(xh.matMul(this.Wz));
      const r = tf.sigmoid(xh.matMul(this.Wr));
      const n = tf.tanh(tf.concat([x, r.mul(h)], 1).matMul(this.Wn));
      const hNext = z.mul(h).add(tf.sub(1, z).mul(n));
      return [hNext, hNext];
    });
  }

  static get className() {
    return 'GRUBlock';
  }
}
