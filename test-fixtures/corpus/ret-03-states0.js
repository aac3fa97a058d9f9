// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class ReturnsOldStateCell extends tf.layers.RNNCell {
  constructor(units) {
    super({});
    this.units = units;
    this.stateSize = units;
  }

  build(inputShape) {
    const inputDim = inputShape[inputShape.length - 1];
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.built = true;
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = inputs[0];
      const states = inputs.slice(1);
      const out = tf.tanh(tf.matMul(x, this.kernel.read()).add(tf.matMul(states[0], this.recurrentKernel.read())));
      return [out, states[0]];
    });
  }

  static get className() {
    return 'ReturnsOldStateCell';
  }
}
tf.serialization.registerClass(ReturnsOldStateCell);
