// A DRQN-style agent: the GRU state is cleared by endEpisode() once each episode is over.
import * as tf from '@tensorflow/tfjs';

export class Agent {
  private h: tf.Tensor2D;

  constructor(private readonly wx: tf.Tensor2D, private readonly wh: tf.Tensor2D, private readonly wq: tf.Tensor2D) {
    this.h = tf.zeros([1, wh.shape[0]]);
  }

  act(obs: number[]): number {
    const [q, hNext] = tf.tidy(() => {
      const hNew = tf.tanh(tf.tensor2d([obs]).matMul(this.wx).add(this.h.matMul(this.wh))) as tf.Tensor2D;
      return [hNew.matMul(this.wq), hNew] as [tf.Tensor, tf.Tensor2D];
    });
    this.h.dispose();
    this.h = hNext;
    const qs = q.dataSync();
    q.dispose();
    let best = 0;
    for (let a = 1; a < qs.length; a++) if (qs[a]! > qs[best]!) best = a;
    return best;
  }

  endEpisode(): void {
    this.h.dispose();
    this.h = tf.zeros([1, this.wh.shape[0]]);
  }
}

export interface Env {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

export function runEpisodes(agent: Agent, env: Env, episodes: number, maxSteps = 30): number[] {
  const returns: number[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let total = 0;
    for (let t = 0; t < maxSteps; t++) {
      const res = env.step(agent.act(obs));
      total += res.reward;
      obs = res.obs;
      if (res.done) break;
    }
    agent.endEpisode();
    returns.push(total);
  }
  return returns;
}
