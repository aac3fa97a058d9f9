// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class SpreadCell extends tf.layers.RNNCell {
  constructor(units) {
    super({});
    this.units = units;
    this.stateSize = units;
    this.kernel = tf.variable(tf.randomNormal([4, units], 0, 0.1));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, ...states] = inputs;
      const next = tf.tanh(x.matMul(this.kernel).add(states[0].matMul(this.recurrentKernel)));
      // The output is right, but the states handed on are the ones that came in.
      return [next, ...states];
    });
  }

  static get className() {
    return 'SpreadCell';
  }
}
