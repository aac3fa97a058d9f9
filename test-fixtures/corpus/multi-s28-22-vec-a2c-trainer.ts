// expect: state-leak, bptt-cut
// Synchronous A2C over several copies of the delayed-signal game with a shared recurrent core, plus greedy evaluation.
import * as tf from '@tensorflow/tfjs';

export class SignalGame {
  private cue = 0;
  private t = 0;
  constructor(private readonly delay = 3) {}
  reset(): number[] {
    this.cue = Math.random() < 0.5 ? 0 : 1;
    this.t = 0;
    return [1, this.cue, 1 - this.cue];
  }
  step(a: number): { obs: number[]; reward: number; done: boolean } {
    this.t++;
    if (this.t < this.delay) return { obs: [0, 0, 0], reward: 0, done: false };
    return { obs: [0, 0, 0], reward: a === this.cue ? 1 : -1, done: true };
  }
}

const H = 16;

export class RecurrentA2C {
  readonly Wx = tf.variable(tf.randomNormal([3, H], 0, 0.5));
  readonly Wh = tf.variable(tf.randomNormal([H, H], 0, 0.3));
  readonly bh = tf.variable(tf.zeros([H]));
  readonly Wpi = tf.variable(tf.randomNormal([H, 2], 0, 0.1));
  readonly Wv = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
  core(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)).add(this.bh));
  }
}

interface Rollout {
  obs: tf.Tensor2D[];
  states: tf.Tensor2D[];
  actions: number[][];
  returns: number[][];
}

export class Trainer {
  private hidden: tf.Tensor2D;
  private obs: number[][];
  private evalHidden: tf.Tensor2D = tf.zeros([1, H]);
  private readonly opt = tf.train.adam(5e-3);

  constructor(readonly net: RecurrentA2C, readonly envs: SignalGame[]) {
    this.hidden = tf.zeros([envs.length, H]);
    this.obs = envs.map((e) => e.reset());
  }

  rollout(T: number, gamma = 0.9): Rollout {
    const r: Rollout = { obs: [], states: [], actions: [], returns: [] };
    const rewards: number[][] = [];
    const dones: boolean[][] = [];
    for (let t = 0; t < T; t++) {
      const x = tf.tensor2d(this.obs);
      const [hNext, sampled] = tf.tidy(() => {
        const h = this.net.core(x, this.hidden);
        return [h, tf.multinomial(h.matMul(this.net.Wpi) as tf.Tensor2D, 1)];
      });
      const acts = Array.from(sampled.dataSync());
      sampled.dispose();
      r.obs.push(x);
      r.states.push(this.hidden);
      r.actions.push(acts);
      const results = this.envs.map((env, i) => env.step(acts[i]));
      rewards.push(results.map((res) => res.reward));
      dones.push(results.map((res) => res.done));
      this.obs = results.map((res, i) => (res.done ? this.envs[i].reset() : res.obs));
      const keep = tf.tensor2d(results.map((res) => [res.done ? 0 : 1]));
      this.hidden = tf.tidy(() => hNext.mul(keep));
      tf.dispose([hNext, keep]);
    }
    let running = this.envs.map(() => 0);
    for (let t = T - 1; t >= 0; t--) {
      running = running.map((g, i) => rewards[t][i] + (dones[t][i] ? 0 : gamma * g));
      r.returns.unshift(running);
    }
    return r;
  }

  update(r: Rollout): number {
    const loss = this.opt.minimize(() => {
      const terms = r.obs.map((x, t) => {
        const h = this.net.core(x, r.states[t]);
        const logp = tf.logSoftmax(h.matMul(this.net.Wpi)).mul(tf.oneHot(r.actions[t], 2)).sum(1);
        const adv = tf.tensor1d(r.returns[t]).sub(h.matMul(this.net.Wv).reshape([-1]));
        const weight = tf.tensor1d(adv.dataSync() as Float32Array);
        return logp.mul(weight).neg().add(adv.square().mul(0.5)).mean();
      });
      return tf.addN(terms).div(terms.length) as tf.Scalar;
    }, true);
    const v = loss!.dataSync()[0];
    tf.dispose([loss!, ...r.obs, ...r.states]);
    return v;
  }

  evaluate(episodes: number): number {
    let wins = 0;
    const game = new SignalGame();
    for (let ep = 0; ep < episodes; ep++) {
      let obs = game.reset();
      for (let done = false; !done; ) {
        const [h, a] = tf.tidy(() => {
          const hNew = this.net.core(tf.tensor2d([obs]), this.evalHidden);
          return [hNew, hNew.matMul(this.net.Wpi).argMax(1)];
        });
        this.evalHidden.dispose();
        this.evalHidden = h as tf.Tensor2D;
        const res = game.step(a.dataSync()[0]);
        a.dispose();
        obs = res.obs;
        done = res.done;
        if (done && res.reward > 0) wins++;
      }
    }
    return wins / episodes;
  }
}
