// Steps recurrent policies through environments that restart themselves when an episode ends: the
// state is reset with the environment, masked by the done flags, or the loop stops.
import * as tf from '@tensorflow/tfjs';

interface Env {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

const W = tf.randomNormal([3, 8]);
const U = tf.randomNormal([8, 8]);

function step(obs: number[], h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.tensor2d([obs]).matMul(W).add(h.matMul(U)));
}

export function play(env: Env, steps: number): number {
  let h = tf.zeros([1, 8]) as tf.Tensor2D;
  let obs = env.reset();
  let total = 0;
  for (let t = 0; t < steps; t++) {
    h = step(obs, h);
    const res = env.step(h.argMax(1).dataSync()[0]!);
    total += res.reward;
    obs = res.obs;
    if (res.done) {
      obs = env.reset();
      h = tf.zeros([1, 8]);
    }
  }
  return total;
}

export function playOnce(env: Env, steps: number): number {
  let h = tf.zeros([1, 8]) as tf.Tensor2D;
  let obs = env.reset();
  let total = 0;
  for (let t = 0; t < steps; t++) {
    h = step(obs, h);
    const res = env.step(h.argMax(1).dataSync()[0]!);
    total += res.reward;
    obs = res.obs;
    if (res.done) {
      obs = env.reset();
      break;
    }
  }
  return total;
}

export function playMasked(env: Env, steps: number): void {
  let h = tf.zeros([1, 8]) as tf.Tensor2D;
  let obs = env.reset();
  for (let t = 0; t < steps; t++) {
    const hNew = step(obs, h);
    const res = env.step(hNew.argMax(1).dataSync()[0]!);
    const keep = res.done ? 0 : 1;
    h = hNew.mul(keep) as tf.Tensor2D;
    if (res.done) {
      obs = env.reset();
    } else {
      obs = res.obs;
    }
  }
}
