// expect: returns-input-state
const tf = require('@tensorflow/tfjs');

class LeakyIntegrator extends tf.layers.RNNCell {
  constructor(units, alpha) {
    super({});
    this.units = units;
    this.alpha = alpha;
    this.stateSize = units;
    this.W = tf.variable(tf.randomNormal([3, units], 0, 0.1));
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = inputs[0];
      const prevH = inputs[1];
      const h = prevH.mul(1 - this.alpha).add(tf.tanh(x.matMul(this.W)).mul(this.alpha));
      return [h, prevH];
    });
  }

  static get className() {
    return 'LeakyIntegrator';
  }
}

module.exports = { LeakyIntegrator };
