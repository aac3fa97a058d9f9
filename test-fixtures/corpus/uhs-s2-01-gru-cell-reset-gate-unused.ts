// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

export class LiteGRUCell extends tf.layers.RNNCell {
  units: number;
  stateSize: number;
  private wz!: tf.LayerVariable;
  private wr!: tf.LayerVariable;
  private wh!: tf.LayerVariable;
  private ur!: tf.LayerVariable;

  constructor(units: number) {
    super({});
    this.units = units;
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as number[];
    const dim = shape[shape.length - 1];
    const init = tf.initializers.glorotUniform({});
    this.wz = this.addWeight('wz', [dim, this.units], 'float32', init);
    this.wr = this.addWeight('wr', [dim, this.units], 'float32', init);
    this.wh = this.addWeight('wh', [dim, this.units], 'float32', init);
    this.ur = this.addWeight('ur', [this.units, this.units], 'float32', init);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const z = tf.sigmoid(tf.matMul(x, this.wz.read()));
      const r = tf.sigmoid(tf.add(tf.matMul(x, this.wr.read()), tf.matMul(hPrev, this.ur.read())));
      const hTilde = tf.tanh(tf.matMul(x, this.wh.read()));
      const hNext = tf.mul(z, hTilde);
      return [hNext, hNext];
    });
  }

  static get className(): string {
    return 'LiteGRUCell';
  }
}

tf.serialization.registerClass(LiteGRUCell);
