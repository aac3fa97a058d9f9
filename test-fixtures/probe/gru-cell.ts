// A correct GRU cell written as a tf.layers.RNNCell subclass.
import * as tf from '@tensorflow/tfjs';

export class MyGRUCell extends tf.layers.RNNCell {
  static className = 'MyGRUCell';
  readonly units: number;
  readonly stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;

  constructor(units: number) {
    super({});
    this.units = units;
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1]!;
    this.kernel = this.addWeight('kernel', [inputDim, 3 * this.units], 'float32', tf.initializers.glorotNormal({}));
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
