// expect: unused-hidden-state
// A custom Elman cell: the previous state is destructured from inputs and then forgotten.
import * as tf from '@tensorflow/tfjs';

export class ElmanCell extends tf.layers.RNNCell {
  static className = 'ElmanCell';
  readonly units: number;
  stateSize: number;
  private kernel!: tf.Variable;
  private recurrentKernel!: tf.Variable;
  private bias!: tf.Variable;

  constructor(units: number) {
    super({});
    this.units = units;
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = tf.variable(tf.randomNormal([inputDim, this.units], 0, 0.05));
    this.recurrentKernel = tf.variable(tf.randomNormal([this.units, this.units], 0, 0.05));
    this.bias = tf.variable(tf.zeros([this.units]));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const z = tf.add(tf.matMul(x as tf.Tensor2D, this.kernel as tf.Tensor2D), this.bias);
      const h = tf.tanh(z);
      return [h, h];
    });
  }
}
