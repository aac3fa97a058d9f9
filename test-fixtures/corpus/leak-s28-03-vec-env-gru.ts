// expect: state-leak
// Steps a batch of independent grid-chase environments with one shared GRU policy, one hidden row per env.
import * as tf from '@tensorflow/tfjs';

export class ChaseEnv {
  private me = 0;
  private target = 0;
  private t = 0;
  constructor(private readonly size: number, private readonly horizon: number) {}
  reset(): number[] {
    this.me = Math.floor(Math.random() * this.size);
    this.target = Math.floor(Math.random() * this.size);
    this.t = 0;
    return this.observe();
  }
  private observe(): number[] {
    return [this.me / this.size, this.target / this.size, this.t === 0 ? 1 : 0];
  }
  step(action: number): { obs: number[]; reward: number; done: boolean } {
    this.me = Math.max(0, Math.min(this.size - 1, this.me + (action === 0 ? -1 : 1)));
    this.t++;
    const caught = this.me === this.target;
    return { obs: this.observe(), reward: caught ? 1 : -0.05, done: caught || this.t >= this.horizon };
  }
}

export class GruPolicy {
  private readonly W: tf.Variable;
  private readonly U: tf.Variable;
  private readonly b: tf.Variable;
  private readonly head: tf.Variable;
  constructor(obsSize: number, readonly units: number, nActions: number) {
    this.W = tf.variable(tf.randomNormal([obsSize, 3 * units], 0, 0.3));
    this.U = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.3));
    this.b = tf.variable(tf.zeros([3 * units]));
    this.head = tf.variable(tf.randomNormal([units, nActions], 0, 0.3));
  }
  forward(x: tf.Tensor2D, h: tf.Tensor2D): { logits: tf.Tensor2D; h: tf.Tensor2D } {
    const H = this.units;
    const xw = x.matMul(this.W).add(this.b);
    const hu = h.matMul(this.U);
    const z = tf.sigmoid(xw.slice([0, 0], [-1, H]).add(hu.slice([0, 0], [-1, H])));
    const r = tf.sigmoid(xw.slice([0, H], [-1, H]).add(hu.slice([0, H], [-1, H])));
    const n = tf.tanh(xw.slice([0, 2 * H], [-1, H]).add(r.mul(hu.slice([0, 2 * H], [-1, H]))));
    const hNew = tf.sub(1, z).mul(n).add(z.mul(h)) as tf.Tensor2D;
    return { logits: hNew.matMul(this.head) as tf.Tensor2D, h: hNew };
  }
}

export class VecRunner {
  readonly hidden: tf.Tensor2D[];
  obs: number[][];
  episodeReturns: number[] = [];
  private running: number[];

  constructor(private readonly policy: GruPolicy, private readonly envs: ChaseEnv[]) {
    this.obs = envs.map((e) => e.reset());
    this.hidden = envs.map(() => tf.zeros([1, policy.units]) as tf.Tensor2D);
    this.running = envs.map(() => 0);
  }

  tick(): number[] {
    const { actions, next } = tf.tidy(() => {
      const x = tf.tensor2d(this.obs);
      const out = this.policy.forward(x, tf.concat(this.hidden, 0));
      const acts = tf.multinomial(out.logits, 1).reshape([-1]);
      return { actions: acts, next: tf.split(out.h, this.envs.length, 0) };
    });
    const acts = Array.from(actions.dataSync());
    actions.dispose();

    this.envs.forEach((env, i) => {
      this.hidden[i].dispose();
      this.hidden[i] = next[i] as tf.Tensor2D;
      const res = env.step(acts[i]);
      this.running[i] += res.reward;
      if (res.done) {
        this.episodeReturns.push(this.running[i]);
        this.running[i] = 0;
        this.obs[i] = env.reset();
      } else {
        this.obs[i] = res.obs;
      }
    });
    return acts;
  }
}

if (require.main === module) {
  const envs = Array.from({ length: 4 }, () => new ChaseEnv(8, 12));
  const runner = new VecRunner(new GruPolicy(3, 16, 2), envs);
  for (let t = 0; t < 60; t++) runner.tick();
  console.log('episodes finished', runner.episodeReturns.length);
  console.log('mean return', runner.episodeReturns.reduce((a, b) => a + b, 0) / runner.episodeReturns.length);
}
