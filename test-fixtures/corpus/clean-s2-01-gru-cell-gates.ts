// expect: none
import * as tf from '@tensorflow/tfjs';

export class GRUCellLite extends tf.layers.RNNCell {
  units: number;
  stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrent!: tf.LayerVariable;
  private recurrentH!: tf.LayerVariable;

  constructor(units: number) {
    super({});
    this.units = units;
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const s = inputShape as number[];
    const dim = s[s.length - 1];
    this.kernel = this.addWeight('kernel', [dim, 3 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrent = this.addWeight('rec_zr', [this.units, 2 * this.units], 'float32', tf.initializers.orthogonal({}));
    this.recurrentH = this.addWeight('rec_h', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor[];
      const [xz, xr, xh] = tf.split(tf.matMul(x, this.kernel.read()), 3, -1);
      const [hz, hr] = tf.split(tf.matMul(h, this.recurrent.read()), 2, -1);
      const z = tf.sigmoid(tf.add(xz, hz));
      const r = tf.sigmoid(tf.add(xr, hr));
      const hTilde = tf.tanh(tf.add(xh, tf.matMul(tf.mul(r, h), this.recurrentH.read())));
      const hNew = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hTilde));
      return [hNew, hNew];
    });
  }

  static get className(): string {
    return 'GRUCellLite';
  }
}

tf.serialization.registerClass(GRUCellLite);
