// expect: none
// LSTM cell: c is carried to the next step, h is the output; names shadow the incoming states.
import * as tf from '@tensorflow/tfjs';

export class CarryLSTMCell extends tf.layers.RNNCell {
  static className = 'CarryLSTMCell';
  stateSize: number[];
  private kernel: tf.Variable;
  private recurrentKernel: tf.Variable;
  private bias: tf.Variable;

  constructor(inputDim: number, units: number) {
    super({});
    this.stateSize = [units, units];
    this.kernel = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.05));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.05));
    this.bias = tf.variable(tf.zeros([4 * units]));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev, cPrev] = inputs as tf.Tensor2D[];
      const z = tf.matMul(x, this.kernel).add(tf.matMul(hPrev, this.recurrentKernel)).add(this.bias) as tf.Tensor2D;
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      const i = tf.sigmoid(zi);
      const f = tf.sigmoid(zf);
      const g = tf.tanh(zg);
      const o = tf.sigmoid(zo);
      const c = f.mul(cPrev).add(i.mul(g));
      const h = o.mul(tf.tanh(c));
      return [h, h, c];
    });
  }
}
