// expect: none
// A custom minimal RNN cell wrapped by tf.layers.rnn: the RNN layer threads the state.
import * as tf from '@tensorflow/tfjs';

class MinimalRNNCell extends tf.layers.RNNCell {
  static className = 'MinimalRNNCell';
  stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;

  constructor(private readonly units: number) {
    super({});
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    this.kernel = this.addWeight('kernel', [shape[shape.length - 1] as number, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const x = (inputs as tf.Tensor[])[0];
      const prev = (inputs as tf.Tensor[])[1];
      const h = tf.matMul(x, this.kernel.read());
      const output = tf.tanh(h.add(tf.matMul(prev, this.recurrentKernel.read())));
      return [output, output];
    });
  }
}
tf.serialization.registerClass(MinimalRNNCell);

export const layer = tf.layers.rnn({ cell: new MinimalRNNCell(32), returnSequences: true, inputShape: [10, 4] });
