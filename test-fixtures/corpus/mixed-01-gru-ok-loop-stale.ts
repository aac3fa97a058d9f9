// expect: stale-state
// A correct GRU cell, driven by a loop that never feeds its state back.
import * as tf from '@tensorflow/tfjs';

export class GRU extends tf.layers.RNNCell {
  static className = 'GRUMixed1';
  stateSize: number;
  private Wz: tf.Variable; private Wr: tf.Variable; private Wn: tf.Variable;

  constructor(private readonly units: number, inputDim: number) {
    super({});
    this.stateSize = units;
    this.Wz = tf.variable(tf.randomNormal([inputDim + units, units], 0, 0.1));
    this.Wr = tf.variable(tf.randomNormal([inputDim + units, units], 0, 0.1));
    this.Wn = tf.variable(tf.randomNormal([inputDim + units, units], 0, 0.1));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor2D[];
      const xh = tf.concat([x, h], 1);
      const z = tf.sigmoid(tf.matMul(xh, this.Wz));
      const r = tf.sigmoid(tf.matMul(xh, this.Wr));
      const n = tf.tanh(tf.matMul(tf.concat([x, r.mul(h)], 1), this.Wn));
      const hNew = tf.sub(1, z).mul(n).add(z.mul(h));
      return [hNew, hNew];
    });
  }
}

export function encode(gru: GRU, xs: tf.Tensor2D[], units: number): tf.Tensor[] {
  const h0 = tf.zeros([1, units]);
  const ys: tf.Tensor[] = [];
  for (const x of xs) {
    const [y, hNext] = gru.call([x, h0]) as tf.Tensor[];
    ys.push(y);
    hNext.dispose();
  }
  return ys;
}
