// expect: stacked-activation
// Custom RNNCell (a "bounded" recurrent unit) wrapped in tf.layers.rnn; bug: in call() the new state is tf.tanh applied directly to `gate`, which is already a sigmoid output.
import * as tf from '@tensorflow/tfjs';

export interface BoundedCellArgs {
  units: number;
  name?: string;
}

export class BoundedCell extends tf.layers.RNNCell {
  static className = 'BoundedCell';
  readonly units: number;
  readonly stateSize: number;
  private w!: tf.LayerVariable;
  private u!: tf.LayerVariable;
  private b!: tf.LayerVariable;

  constructor({ units, name }: BoundedCellArgs) {
    super({ name });
    this.units = units;
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[shape.length - 1] as number;
    this.w = this.addWeight('w', [dim, this.units], 'float32', tf.initializers.glorotNormal({}));
    this.u = this.addWeight('u', [this.units, this.units], 'float32', tf.initializers.orthogonal({ gain: 1 }));
    this.b = this.addWeight('b', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor2D[];
      const pre = tf.add(tf.add(tf.matMul(x, this.w.read() as tf.Tensor2D), tf.matMul(hPrev, this.u.read() as tf.Tensor2D)), this.b.read());
      const gate = tf.sigmoid(pre);
      const h = tf.tanh(gate);
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(BoundedCell);

export const buildForecaster = (window: number, features: number): tf.Sequential =>
  tf.sequential({
    layers: [
      tf.layers.rnn({ cell: new BoundedCell({ units: 24 }), inputShape: [window, features] }),
      tf.layers.dense({ units: 1 }),
    ],
  });
