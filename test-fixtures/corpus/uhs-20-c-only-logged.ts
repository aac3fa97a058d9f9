// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

export class ChattyLSTMCell extends tf.layers.RNNCell {
  static className = 'ChattyLSTMCell';
  stateSize = [4, 4];
  private W = tf.variable(tf.randomNormal([2 + 4, 16], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const [x, h, c] = inputs as tf.Tensor2D[];
    console.log('cell state in', c.shape, c.mean().dataSync()[0]);
    const z = tf.matMul(tf.concat([x, h], 1), this.W) as tf.Tensor2D;
    const [i, , g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(i).mul(tf.tanh(g));
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
    return [hNew, hNew, cNew];
  }
}
