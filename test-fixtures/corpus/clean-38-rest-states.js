// expect: none
import * as tf from '@tensorflow/tfjs';

export class TwoStateCell extends tf.layers.RNNCell {
  constructor(units) {
    super({});
    this.units = units;
    this.stateSize = [units, units];
    this.W = tf.variable(tf.randomNormal([4, units], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([units, units], 0, 0.1));
    this.decay = 0.9;
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, ...states] = inputs;
      const [fast, slow] = states;
      const newFast = tf.tanh(x.matMul(this.W).add(fast.matMul(this.U)));
      const newSlow = slow.mul(this.decay).add(newFast.mul(1 - this.decay));
      return [newSlow, newFast, newSlow];
    });
  }

  static get className() {
    return 'TwoStateCell';
  }
}
