// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class PassThroughStateCell extends tf.layers.RNNCell {
  static className = 'PassThroughStateCell';
  stateSize = 6;
  private k = tf.variable(tf.randomNormal([3, 6], 0, 0.1));
  private rk = tf.variable(tf.randomNormal([6, 6], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const list = inputs as tf.Tensor2D[];
    const out = tf.tanh(tf.matMul(list[0], this.k).add(tf.matMul(list[1], this.rk)));
    return [out, ...list.slice(1)];
  }
}
