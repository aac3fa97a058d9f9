// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class Elman {
  constructor(
    private readonly wIh: tf.Tensor2D,
    private readonly wHh: tf.Tensor2D,
    private readonly wHo: tf.Tensor2D,
  ) {}

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const nextHidden = tf.tanh(tf.matMul(input, this.wIh).add(tf.matMul(hidden, this.wHh))) as tf.Tensor2D;
    const output = tf.matMul(nextHidden, this.wHo) as tf.Tensor2D;
    return [output, hidden];
  }
}

export function run(net: Elman, xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  let hidden = h0;
  const ys: tf.Tensor2D[] = [];
  for (const x of xs) {
    const [y, h] = net.forward(x, hidden);
    ys.push(y);
    hidden = h;
  }
  return ys;
}
