// expect: none
// Like tfjs-layers' GRUCell/LSTMCell: `inputs` is rebound to the dropped-out input inside tidy
// (reduced from a false positive on tfjs-layers recurrent.ts).
import * as tf from '@tensorflow/tfjs';

export class DropoutElmanCell extends tf.layers.RNNCell {
  static className = 'DropoutElmanCell';
  stateSize = 10;
  private kernel = tf.variable(tf.randomNormal([5, 10], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([10, 10], 0, 0.1));

  constructor(private readonly rate: number) {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { [key: string]: unknown }): tf.Tensor[] {
    return tf.tidy(() => {
      const list = inputs as tf.Tensor[];
      const hPrev = list[1];
      inputs = list[0];
      if (kwargs['training'] === true && this.rate > 0) {
        inputs = tf.dropout(inputs, this.rate);
      }
      const h = tf.tanh(tf.add(tf.matMul(inputs, this.kernel), tf.matMul(hPrev, this.recurrentKernel)));
      return [h, h];
    });
  }
}
