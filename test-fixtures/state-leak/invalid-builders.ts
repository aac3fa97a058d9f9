// Stateful models reached through a builder function, a typed parameter, or a field.
import * as tf from '@tensorflow/tfjs';

interface Env { reset(): tf.Tensor3D; step(a: number): { obs: tf.Tensor3D; reward: number; done: boolean } }

export function buildPolicy(): tf.Sequential {
  const p = tf.sequential();
  p.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, 1, 4] }));
  p.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  return p;
}

// Fed one observation at a time: fine within an episode, but nothing resets between episodes.
export function evaluatePolicy(policy: tf.Sequential, env: Env, episodes: number): number[] {
  const returns: number[] = [];
  for (let e = 0; e < episodes; e++) {
    let obs = env.reset();
    let done = false;
    let total = 0;
    while (!done) {
      const a = (policy.predict(obs) as tf.Tensor).argMax(-1).dataSync()[0]!;
//               ~~~~~~~~~~~~~~~~~~~ state-leak
      const r = env.step(a);
      obs = r.obs;
      total += r.reward;
      done = r.done;
    }
    returns.push(total);
  }
  return returns;
}

// Each machine's window is a separate sequence (the loop is per machine, not over one series).
export class AnomalyScorer {
  private readonly model: tf.Sequential;

  constructor(timesteps: number, features: number) {
    this.model = tf.sequential();
    this.model.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, timesteps, features] }));
    this.model.add(tf.layers.dense({ units: 1 }));
  }

  scoreAll(windowsPerMachine: tf.Tensor3D[]): number[] {
    const scores: number[] = [];
    for (const w of windowsPerMachine) {
      scores.push((this.model.predict(w) as tf.Tensor).dataSync()[0]!);
//                 ~~~~~~~~~~~~~~~~~~~~~ state-leak
    }
    return scores;
  }
}
