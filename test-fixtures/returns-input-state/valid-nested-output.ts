import * as tf from '@tensorflow/tfjs';

// Look-alikes of a skip-update GRU that are correct: the copy step hands the old state back only
// when it skips, the update step returns the new hidden state in the state object, and a step that
// carries an attention memory reads it through a weight and hands it on unchanged.
interface GatedState {
  h: tf.Tensor2D;
  budget: tf.Tensor2D;
}

export class SkippingGRU {
  constructor(private readonly w: tf.Tensor2D, private readonly u: tf.Tensor2D, private readonly wp: tf.Tensor2D) {}

  private candidate(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.w), tf.matMul(h, this.u)));
  }

  // Skips the update on some steps: the old state comes back on that path only.
  copyStep(x: tf.Tensor2D, state: GatedState, skip: boolean): { output: tf.Tensor2D; state: GatedState } {
    const { h, budget } = state;
    if (skip) return { output: h, state: { h, budget } };
    const blended: tf.Tensor2D = tf.add(tf.mul(budget, this.candidate(x, h)), tf.mul(tf.sub(1, budget), h));
    const nextBudget: tf.Tensor2D = tf.sigmoid(tf.matMul(blended, this.wp));
    return { output: blended, state: { h: blended, budget: nextBudget } };
  }

  step(x: tf.Tensor2D, state: GatedState): { output: tf.Tensor2D; state: GatedState; gate: tf.Tensor2D } {
    const { h, budget } = state;
    const gate = tf.round(budget) as tf.Tensor2D;
    const blended: tf.Tensor2D = tf.add(tf.mul(gate, this.candidate(x, h)), tf.mul(tf.sub(1, gate), h));
    return { output: blended, state: { h: blended, budget }, gate };
  }
}

interface AttnState {
  h: tf.Tensor2D;
  memory: tf.Tensor2D;
}

// The memory is a context the step reads through a weight and carries on as it came.
export function attendStep(x: tf.Tensor2D, state: AttnState, wq: tf.Tensor2D, wm: tf.Tensor2D): { output: tf.Tensor2D; state: AttnState; score: tf.Tensor2D } {
  const { h, memory } = state;
  const score = tf.softmax(tf.matMul(tf.matMul(h, wq), memory, false, true)) as tf.Tensor2D;
  const context = tf.matMul(tf.matMul(score, memory), wm) as tf.Tensor2D;
  const hNext = tf.tanh(tf.add(tf.matMul(x, wq), context)) as tf.Tensor2D;
  return { output: context, state: { h: hNext, memory }, score };
}
