// A recurrent agent played through episodes by a helper; the evaluation loops over episodes.
import * as tf from '@tensorflow/tfjs';

export interface Env { reset(): number[]; step(a: number): { obs: number[]; done: boolean; reward: number } }

export class RecurrentAgent {
  private h: tf.Tensor2D = tf.zeros([1, 8]);
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D, private readonly V: tf.Tensor2D) {}

  act(obs: number[]): number {
    const next = tf.tidy(() => tf.tanh(tf.tensor2d([obs]).matMul(this.W).add(this.h.matMul(this.U)))) as tf.Tensor2D;
    this.h.dispose();
    this.h = next;
    return tf.tidy(() => next.matMul(this.V).argMax(1).dataSync()[0]!);
  }
}

export function runEpisode(agent: RecurrentAgent, env: Env): number {
  let obs = env.reset();
  let total = 0;
  let done = false;
  while (!done) {
    const r = env.step(agent.act(obs));
    obs = r.obs;
    total += r.reward;
    done = r.done;
  }
  return total;
}

export function evaluate(agent: RecurrentAgent, env: Env, episodes: number): number[] {
  const returns: number[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    returns.push(runEpisode(agent, env));
    //           ~~~~~~~~~~~~~~~~~~~~~~ state-leak
  }
  return returns;
}
