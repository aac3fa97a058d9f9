// An episode runner holding a recurrent policy; the evaluation runs episode after episode.
import * as tf from '@tensorflow/tfjs';

export interface Env { reset(): number[]; step(a: number): { obs: number[]; done: boolean; reward: number } }

export class RecurrentPolicy {
  private h: tf.Tensor2D = tf.zeros([1, 8]);
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D, private readonly V: tf.Tensor2D) {}

  act(obs: number[]): number {
    const next = tf.tidy(() => tf.tanh(tf.tensor2d([obs]).matMul(this.W).add(this.h.matMul(this.U)))) as tf.Tensor2D;
    this.h.dispose();
    this.h = next;
    return tf.tidy(() => next.matMul(this.V).argMax(1).dataSync()[0]!);
  }

  resetState(): void {
    this.h.dispose();
    this.h = tf.zeros([1, 8]);
  }
}

export class EpisodeRunner {
  steps = 0;
  total = 0;
  constructor(private readonly env: Env, readonly policy: RecurrentPolicy) {}

  // Zeroes the counters of the episode.
  reset(): number[] {
    this.steps = 0;
    this.total = 0;
    return this.env.reset();
  }

  runEpisode(maxSteps: number): number {
    let obs = this.reset();
    for (let t = 0; t < maxSteps; t++) {
      const r = this.env.step(this.policy.act(obs));
      this.steps += 1;
      this.total += r.reward;
      obs = r.obs;
      if (r.done) break;
    }
    return this.total;
  }
}

export function evaluate(runner: EpisodeRunner, episodes: number): number[] {
  const returns: number[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    returns.push(runner.runEpisode(50));
    //           ~~~~~~~~~~~~~~~~~~~~~ state-leak
  }
  return returns;
}
