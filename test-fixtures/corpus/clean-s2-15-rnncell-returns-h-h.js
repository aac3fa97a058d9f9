// expect: none
const tf = require('@tensorflow/tfjs');

class MinimalLSTMCell extends tf.layers.RNNCell {
  constructor(config) {
    super(config);
    this.units = config.units;
    this.stateSize = [this.units, this.units];
  }

  build(inputShape) {
    const dim = inputShape[inputShape.length - 1];
    this.kernel = this.addWeight('kernel', [dim, 4 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 4 * this.units], 'float32', tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [4 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, hPrev, cPrev] = inputs;
      const z = tf.matMul(x, this.kernel.read())
        .add(tf.matMul(hPrev, this.recurrentKernel.read()))
        .add(this.bias.read());
      const [zi, zf, zc, zo] = tf.split(z, 4, 1);
      const c = tf.sigmoid(zf).mul(cPrev).add(tf.sigmoid(zi).mul(tf.tanh(zc)));
      const h = tf.sigmoid(zo).mul(tf.tanh(c));
      return [h, h, c];
    });
  }

  static get className() {
    return 'MinimalLSTMCell';
  }
}
tf.serialization.registerClass(MinimalLSTMCell);

const rnn = tf.layers.rnn({ cell: new MinimalLSTMCell({ units: 24 }), returnSequences: false });
module.exports = { MinimalLSTMCell, rnn };
