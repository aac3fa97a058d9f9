// A peephole LSTM written from the equations: c' = f*c + i*tanh(g), h' = o*tanh(c').
import * as tf from '@tensorflow/tfjs';

export interface State { h: tf.Tensor2D; c: tf.Tensor2D }

export class PeepholeLSTM {
  constructor(readonly W: tf.Tensor2D, readonly b: tf.Tensor1D, readonly pi: tf.Tensor1D, readonly pf: tf.Tensor1D) {}

  step(x: tf.Tensor2D, { h, c }: State): State {
    const z = tf.matMul(tf.concat([x, h], 1), this.W).add(this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi.add(c.mul(this.pi)));
    const f = tf.sigmoid(zf.add(c.mul(this.pf)));
    const cn = f.mul(c).add(i.mul(tf.tanh(zg))) as tf.Tensor2D;
    const hn = tf.sigmoid(zo).mul(tf.tanh(cn)) as tf.Tensor2D;
    return { h: hn, c: cn };
    //              ~ returns-input-state
  }

  run(xs: tf.Tensor2D[], s: State): State {
    for (const x of xs) s = this.step(x, s);
    return s;
  }
}
