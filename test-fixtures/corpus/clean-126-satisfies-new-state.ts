// expect: none
import * as tf from '@tensorflow/tfjs';

interface StepResult { output: tf.Tensor2D; state: tf.Tensor2D }

export function step(x: tf.Tensor2D, state: tf.Tensor2D, p: { W: tf.Tensor2D; U: tf.Tensor2D; V?: tf.Tensor2D }): StepResult {
  const next = tf.tanh(tf.matMul(x, p.W).add(tf.matMul(state, p.U))) as tf.Tensor2D;
  const output = (p.V ? tf.matMul(next, p.V) : next) as tf.Tensor2D;
  return { output, state: next } satisfies StepResult;
}

export function run(xs: tf.Tensor2D[], p: { W: tf.Tensor2D; U: tf.Tensor2D; V?: tf.Tensor2D }, units: number): tf.Tensor2D[] {
  let state = tf.zeros([1, units]) as tf.Tensor2D;
  const outs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const r = step(x, state, p);
    outs.push(r.output);
    state = r.state;
  }
  return outs;
}
