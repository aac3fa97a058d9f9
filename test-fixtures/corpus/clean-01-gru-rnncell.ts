// expect: none
// A standard GRU cell: sigmoid gates multiply a tanh candidate; the new state mixes old and candidate.
import * as tf from '@tensorflow/tfjs';

export class MinimalGRUCell extends tf.layers.RNNCell {
  static className = 'MinimalGRUCell';
  stateSize: number;
  private kernel!: tf.Variable;
  private recurrentKernel!: tf.Variable;
  private bias!: tf.Variable;

  constructor(private readonly units: number) {
    super({});
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const d = shape[shape.length - 1] as number;
    this.kernel = tf.variable(tf.randomNormal([d, 3 * this.units], 0, 0.05));
    this.recurrentKernel = tf.variable(tf.randomNormal([this.units, 3 * this.units], 0, 0.05));
    this.bias = tf.variable(tf.zeros([3 * this.units]));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor2D[];
      const xProj = tf.matMul(x, this.kernel).add(this.bias) as tf.Tensor2D;
      const hProj = tf.matMul(hPrev, this.recurrentKernel) as tf.Tensor2D;
      const [xz, xr, xn] = tf.split(xProj, 3, 1);
      const [hz, hr, hn] = tf.split(hProj, 3, 1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const n = tf.tanh(xn.add(r.mul(hn)));
      const h = tf.sub(1, z).mul(n).add(z.mul(hPrev));
      return [h, h];
    });
  }
}
