// expect: none
import * as tf from '@tensorflow/tfjs';

interface Env { reset(): tf.Tensor3D; step(a: number): { obs: tf.Tensor3D; reward: number; done: boolean } }

export function buildPolicy(): tf.Sequential {
  const p = tf.sequential();
  p.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, 1, 4] }));
  p.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  return p;
}

export function evaluatePolicy(policy: tf.Sequential, env: Env, episodes: number): number[] {
  const returns: number[] = [];
  for (let e = 0; e < episodes; e++) {
    policy.resetStates();
    let obs = env.reset();
    let done = false;
    let total = 0;
    while (!done) {
      const a = (policy.predict(obs) as tf.Tensor).argMax(-1).dataSync()[0];
      const r = env.step(a);
      obs = r.obs;
      total += r.reward;
      done = r.done;
    }
    returns.push(total);
  }
  return returns;
}
