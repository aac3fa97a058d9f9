// Example: a correct GRU written as a tf.layers.RNNCell subclass; usable inside tf.layers.rnn.
import * as tf from '@tensorflow/tfjs';

export class MinimalGRUCell extends tf.layers.RNNCell {
  static className = 'MinimalGRUCell';
  readonly units: number;
  readonly stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;

  constructor(args: { units: number }) {
    super({});
    this.units = args.units;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.kernel = this.addWeight('kernel', [shape[shape.length - 1]!, 3 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 3 * this.units], 'float32', tf.initializers.orthogonal({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor2D[];
      const [xz, xr, xn] = tf.split(tf.matMul(x, this.kernel.read()), 3, 1);
      const [hz, hr, hn] = tf.split(tf.matMul(h, this.recurrentKernel.read()), 3, 1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const n = tf.tanh(xn.add(r.mul(hn)));
      const hNew = tf.sub(1, z).mul(n).add(z.mul(h));
      return [hNew, hNew];
    });
  }
}
