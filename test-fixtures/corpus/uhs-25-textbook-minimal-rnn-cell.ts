// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

class MinimalRNNCell extends tf.layers.RNNCell {
  static className = 'MinimalRNNCell';
  units: number;
  stateSize: number;
  kernel!: tf.LayerVariable;
  recurrentKernel!: tf.LayerVariable;

  constructor(args: { units: number }) {
    super({});
    this.units = args.units;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    this.kernel = this.addWeight('kernel', [shape[shape.length - 1] as number, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { [key: string]: unknown }): tf.Tensor[] {
    return tf.tidy(() => {
      const input = (inputs as tf.Tensor[])[0];
      const prevOutput = (inputs as tf.Tensor[])[1];
      const h = tf.matMul(input, this.kernel.read());
      const output = tf.tanh(h);
      return [output, output];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(MinimalRNNCell);

export const rnn = tf.layers.rnn({ cell: new MinimalRNNCell({ units: 16 }), returnSequences: true });
