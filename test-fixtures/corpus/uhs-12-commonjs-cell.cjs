// expect: unused-hidden-state
const tf = require('@tensorflow/tfjs');

class CounterCell extends tf.layers.RNNCell {
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
    return tf.tidy(() => {
      const x = inputs[0];
      const state = inputs[1];
      const y = tf.sigmoid(tf.matMul(x, this.kernel.read()));
      return [y, y];
    });
  }

  static get className() {
    return 'CounterCell';
  }
}
tf.serialization.registerClass(CounterCell);

module.exports = { CounterCell };
