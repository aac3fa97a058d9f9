// expect: none
import * as tf from '@tensorflow/tfjs';

export class ElmanCell extends tf.layers.RNNCell {
  constructor(config) {
    super(config);
    this.units = config.units;
    this.stateSize = config.units;
  }

  build(inputShape) {
    const d = inputShape[inputShape.length - 1];
    this.kernel = this.addWeight('kernel', [d, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, prev] = inputs;
      const out = tf.tanh(x.matMul(this.kernel.read()).add(prev.matMul(this.recurrentKernel.read())).add(this.bias.read()));
      return [out, out];
    });
  }

  static get className() {
    return 'ElmanCell';
  }
}
tf.serialization.registerClass(ElmanCell);

export const layer = tf.layers.rnn({ cell: new ElmanCell({ units: 8 }), returnSequences: true });
