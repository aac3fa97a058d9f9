// Episode runners holding a recurrent policy, each resetting it between episodes in its own way.
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

// The runner's own reset starts the policy afresh.
export class ResettingRunner {
  constructor(private readonly env: Env, readonly policy: RecurrentPolicy) {}

  reset(): number[] {
    this.policy.resetState();
    return this.env.reset();
  }

  runEpisode(maxSteps: number): number {
    let obs = this.reset();
    let total = 0;
    for (let t = 0; t < maxSteps; t++) {
      const r = this.env.step(this.policy.act(obs));
      total += r.reward;
      obs = r.obs;
      if (r.done) break;
    }
    return total;
  }
}

// A fresh policy for every episode.
export class FreshPolicyRunner {
  private policy: RecurrentPolicy;
  constructor(private readonly env: Env, private readonly make: () => RecurrentPolicy) {
    this.policy = make();
  }

  runEpisode(maxSteps: number): number {
    this.policy = this.make();
    let obs = this.env.reset();
    let total = 0;
    for (let t = 0; t < maxSteps; t++) {
      const r = this.env.step(this.policy.act(obs));
      total += r.reward;
      obs = r.obs;
      if (r.done) break;
    }
    return total;
  }
}

// The runner leaves the policy alone; the evaluation resets it before each episode.
export class PlainRunner {
  constructor(private readonly env: Env, readonly policy: RecurrentPolicy) {}

  runEpisode(maxSteps: number): number {
    let obs = this.env.reset();
    let total = 0;
    for (let t = 0; t < maxSteps; t++) {
      const r = this.env.step(this.policy.act(obs));
      total += r.reward;
      obs = r.obs;
      if (r.done) break;
    }
    return total;
  }
}

export function evaluate(env: Env, policy: RecurrentPolicy, make: () => RecurrentPolicy, episodes: number): number[] {
  const resetting = new ResettingRunner(env, policy);
  const fresh = new FreshPolicyRunner(env, make);
  const plain = new PlainRunner(env, policy);
  const returns: number[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    returns.push(resetting.runEpisode(50));
    returns.push(fresh.runEpisode(50));
    plain.policy.resetState();
    returns.push(plain.runEpisode(50));
    // A new runner (and policy) per episode.
    returns.push(new PlainRunner(env, make()).runEpisode(50));
  }
  return returns;
}
