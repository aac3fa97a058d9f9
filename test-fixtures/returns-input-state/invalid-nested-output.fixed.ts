import * as tf from '@tensorflow/tfjs';

// A skip-update GRU: its state object carries the hidden state and an update probability. The step
// blends the new hidden state into its output, advances the probability, and hands the hidden
// state it was given back inside the state object.
interface GatedState {
  h: tf.Tensor2D;
  budget: tf.Tensor2D;
}

export class SkippingGRU {
  constructor(private readonly w: tf.Tensor2D, private readonly u: tf.Tensor2D, private readonly wp: tf.Tensor2D) {}

  private candidate(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.w), tf.matMul(h, this.u)));
  }

  step(x: tf.Tensor2D, state: GatedState): { output: tf.Tensor2D; state: GatedState; gate: tf.Tensor2D } {
    const { h, budget } = state;
    const gate = tf.round(budget) as tf.Tensor2D;
    const blended: tf.Tensor2D = tf.add(tf.mul(gate, this.candidate(x, h)), tf.mul(tf.sub(1, gate), h));
    const nextBudget: tf.Tensor2D = tf.sigmoid(tf.matMul(blended, this.wp));
    return { output: blended, state: { h: blended, budget: nextBudget }, gate };
//                                     ~ returns-input-state
  }
}

export function unroll(cell: SkippingGRU, xs: tf.Tensor2D[], start: GatedState): tf.Tensor2D[] {
  let state = start;
  const outputs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const r = cell.step(x, state);
    outputs.push(r.output);
    state = r.state;
  }
  return outputs;
}
