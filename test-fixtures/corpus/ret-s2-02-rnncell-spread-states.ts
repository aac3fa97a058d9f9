// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class PlainRNNCell extends tf.layers.RNNCell {
  readonly units: number;
  stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;

  constructor(config: { units: number }) {
    super({});
    this.units = config.units;
    this.stateSize = config.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const s = inputShape as number[];
    this.kernel = this.addWeight('kernel', [s[s.length - 1], this.units], 'float32',
      tf.initializers.glorotNormal({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32',
      tf.initializers.orthogonal({ gain: 1 }));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const list = inputs as tf.Tensor[];
      const x = list[0];
      const states = list.slice(1);
      const prev = states[0];
      const h = tf.tanh(tf.add(tf.matMul(x, this.kernel.read()), tf.matMul(prev, this.recurrentKernel.read())));
      return [h, ...states];
    });
  }

  static className = 'PlainRNNCell';
}

tf.serialization.registerClass(PlainRNNCell);

export const layer = tf.layers.rnn({ cell: new PlainRNNCell({ units: 16 }), returnSequences: true });
