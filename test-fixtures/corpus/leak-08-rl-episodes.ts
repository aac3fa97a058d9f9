// expect: state-leak
// Recurrent policy rollouts: the memory of the last episode leaks into the next one.
import * as tf from '@tensorflow/tfjs';

interface Env {
  reset(): tf.Tensor2D;
  step(action: number): { obs: tf.Tensor2D; reward: number; done: boolean };
}

const H = 16;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wpi = tf.variable(tf.randomNormal([H, 2], 0, 0.1));

function policyStep(obs: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(obs, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

export function rollout(env: Env, episodes: number): number[] {
  const returns: number[] = [];
  let memory: tf.Tensor2D = tf.zeros([1, H]);
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let total = 0;
    let done = false;
    while (!done) {
      memory = policyStep(obs, memory);
      const action = tf.matMul(memory, Wpi).argMax(1).dataSync()[0];
      const r = env.step(action);
      obs = r.obs;
      total += r.reward;
      done = r.done;
    }
    returns.push(total);
  }
  return returns;
}
