// expect: none
// Article, family (b), corrected: one activation per update.
import * as tf from '@tensorflow/tfjs';

export class TextRNNCell extends tf.layers.RNNCell {
  static className = 'TextRNNCell';
  stateSize: number;
  private wIh: tf.Variable;
  private wHh: tf.Variable;
  private bias: tf.Variable;

  constructor(inputSize: number, hiddenSize: number) {
    super({});
    this.stateSize = hiddenSize;
    this.wIh = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
    this.wHh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1));
    this.bias = tf.variable(tf.zeros([hiddenSize]));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hidden] = inputs as tf.Tensor2D[];
      const combined = tf.matMul(x, this.wIh).add(tf.matMul(hidden, this.wHh)).add(this.bias);
      const newHidden = tf.tanh(combined);
      return [newHidden, newHidden];
    });
  }
}
