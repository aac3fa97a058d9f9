// A peephole LSTM written from the equations, with a mask: padded rows keep their old state.
import * as tf from '@tensorflow/tfjs';

export interface State { h: tf.Tensor2D; c: tf.Tensor2D }

export class PeepholeLSTM {
  constructor(readonly W: tf.Tensor2D, readonly b: tf.Tensor1D, readonly pi: tf.Tensor1D, readonly pf: tf.Tensor1D) {}

  step(x: tf.Tensor2D, { h, c }: State, live: boolean): State {
    if (!live) return { h, c };
    const z = tf.matMul(tf.concat([x, h], 1), this.W).add(this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi.add(c.mul(this.pi)));
    const f = tf.sigmoid(zf.add(c.mul(this.pf)));
    const cn = f.mul(c).add(i.mul(tf.tanh(zg))) as tf.Tensor2D;
    const hn = tf.sigmoid(zo).mul(tf.tanh(cn)) as tf.Tensor2D;
    return { h: hn, c: cn };
  }

  run(xs: tf.Tensor2D[], mask: boolean[], s: State): State {
    xs.forEach((x, t) => { s = this.step(x, s, mask[t]!); });
    return s;
  }
}
