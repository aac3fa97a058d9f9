// expect: unused-hidden-state
// The recurrent term is computed but the return uses the input-only pre-activation.
import * as tf from '@tensorflow/tfjs';

export class LeakyCell extends tf.layers.RNNCell {
  static className = 'LeakyCell';
  stateSize = 24;
  private wx = tf.variable(tf.randomNormal([6, 24], 0, 0.1));
  private wh = tf.variable(tf.randomNormal([24, 24], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const x = (inputs as tf.Tensor[])[0] as tf.Tensor2D;
    const hPrev = (inputs as tf.Tensor[])[1] as tf.Tensor2D;
    const fromInput = tf.matMul(x, this.wx);
    const fromState = tf.matMul(hPrev, this.wh);
    const hNew = tf.tanh(fromInput);
    return [hNew, hNew];
  }
}
