// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

type Carry = [tf.Tensor2D, tf.Tensor2D];

export class TinyLSTM {
  constructor(
    private readonly Wx: tf.Variable,
    private readonly Wh: tf.Variable,
    private readonly b: tf.Variable,
    private readonly Wout: tf.Variable,
  ) {}

  forward(input: tf.Tensor2D, carry: Carry): [tf.Tensor2D, Carry] {
    const [h, c] = carry;
    const z = input.matMul(this.Wx).add(h.matMul(this.Wh)).add(this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, -1);
    const i = zi.sigmoid();
    const f = zf.sigmoid();
    const g = zg.tanh();
    const o = zo.sigmoid();
    const cN = f.mul(c).add(i.mul(g)) as tf.Tensor2D;
    const hN = o.mul(cN.tanh()) as tf.Tensor2D;
    const out = hN.matMul(this.Wout) as tf.Tensor2D;
    return [out, [h, c]];
  }

  run(xs: tf.Tensor2D[], carry: Carry): tf.Tensor2D[] {
    const outs: tf.Tensor2D[] = [];
    for (const x of xs) {
      const [y, next] = this.forward(x, carry);
      outs.push(y);
      carry = next;
    }
    return outs;
  }
}
