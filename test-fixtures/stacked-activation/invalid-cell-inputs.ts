// A small custom recurrent cell for tf.layers.rnn: its state comes in through `inputs`.
import * as tf from '@tensorflow/tfjs';

export class SoftCell extends tf.layers.Layer {
  static className = 'SoftCell';
  stateSize: number;
  private w!: tf.LayerVariable;
  private u!: tf.LayerVariable;

  constructor(readonly units: number) {
    super({});
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.w = this.addWeight('w', [shape[shape.length - 1] as number, this.units], 'float32', tf.initializers.glorotNormal({}));
    this.u = this.addWeight('u', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, state] = inputs as tf.Tensor2D[];
      const prev = tf.tanh(state!);
      //           ~~~~~~~~~~~~~~~ stacked-activation
      const h = tf.tanh(tf.matMul(x!, this.w.read() as tf.Tensor2D).add(tf.matMul(prev, this.u.read() as tf.Tensor2D)));
      return [h, h];
    });
  }
}
