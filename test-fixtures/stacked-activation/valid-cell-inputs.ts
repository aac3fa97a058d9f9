// Custom recurrent cells for tf.layers.rnn whose states come in through `inputs`: an LSTM reading
// tanh of its cell state (a linear mix, not an activation), and a cell squashing a state it
// updates linearly.
import * as tf from '@tensorflow/tfjs';

export class PeepCell extends tf.layers.Layer {
  static className = 'PeepCell';
  stateSize: number[];
  private k!: tf.LayerVariable;

  constructor(readonly units: number) {
    super({});
    this.stateSize = [units, units];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.k = this.addWeight('k', [(shape[shape.length - 1] as number) + 2 * this.units, 4 * this.units], 'float32', tf.initializers.glorotNormal({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h, c] = inputs as tf.Tensor2D[];
      const peep = tf.tanh(c!);
      const z = tf.matMul(tf.concat([x!, h!, peep], 1), this.k.read() as tf.Tensor2D);
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      const cNew = tf.sigmoid(zf!).mul(c!).add(tf.sigmoid(zi!).mul(tf.tanh(zg!)));
      const hNew = tf.sigmoid(zo!).mul(tf.tanh(cNew));
      return [hNew, hNew, cNew];
    });
  }
}

export class LeakyCell extends tf.layers.Layer {
  static className = 'LeakyCell';
  stateSize: number;
  private w!: tf.LayerVariable;

  constructor(readonly units: number) {
    super({});
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.w = this.addWeight('w', [shape[shape.length - 1] as number, this.units], 'float32', tf.initializers.glorotNormal({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, state] = inputs as tf.Tensor2D[];
      const out = tf.tanh(state!);
      const next = state!.mul(0.9).add(tf.matMul(x!, this.w.read() as tf.Tensor2D).mul(0.1));
      return [out, next];
    });
  }
}
