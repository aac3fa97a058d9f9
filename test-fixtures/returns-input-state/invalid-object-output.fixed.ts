import * as tf from '@tensorflow/tfjs';

// A minimal GRU whose result object names its new hidden state `output`: the state it hands back is
// the one it was given.
export class MinimalGRU {
  constructor(private readonly wz: tf.Tensor2D, private readonly uz: tf.Tensor2D, private readonly wh: tf.Tensor2D, private readonly uh: tf.Tensor2D) {}

  call(x: tf.Tensor2D, state: tf.Tensor2D): { output: tf.Tensor2D; state: tf.Tensor2D } {
    const z = tf.sigmoid(tf.matMul(x, this.wz).add(tf.matMul(state, this.uz)));
    const cand = tf.tanh(tf.matMul(x, this.wh).add(tf.matMul(z.mul(state), this.uh)));
    const output = tf.sub(1, z).mul(state).add(z.mul(cand)) as tf.Tensor2D;
    return { output, state: output };
//                   ~~~~~ returns-input-state
  }
}

export function unroll(cell: MinimalGRU, xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  let state = h0;
  const outputs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const r = cell.call(x, state);
    outputs.push(r.output);
    state = r.state;
  }
  return outputs;
}
