// expect: state-leak
// Evaluation harness for a recurrent Q-network agent on a memory game, reporting per-episode returns.
import * as tf from '@tensorflow/tfjs';

export interface Env {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

export class CueEnv implements Env {
  private t = 0;
  private cue = 0;
  constructor(private readonly horizon = 4, private seed = 3) {}
  reset(): number[] {
    this.t = 0;
    this.cue = this.seed++ % 2;
    return [this.cue === 0 ? 1 : -1, 0];
  }
  step(action: number) {
    this.t += 1;
    const done = this.t >= this.horizon;
    const reward = done && action === this.cue ? 1 : 0;
    return { obs: [0, this.t / this.horizon], reward, done };
  }
}

export class RecurrentQAgent {
  private hidden: tf.Tensor2D;
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly wq: tf.Tensor2D;
  epsilon = 0;

  constructor(obsDim: number, private readonly units: number, nActions: number) {
    this.wx = tf.randomNormal([obsDim, units], 0, 0.6, 'float32', 121) as tf.Tensor2D;
    this.wh = tf.randomNormal([units, units], 0, 0.4, 'float32', 122) as tf.Tensor2D;
    this.wq = tf.randomNormal([units, nActions], 0, 0.6, 'float32', 123) as tf.Tensor2D;
    this.hidden = tf.zeros([1, units]);
  }

  qValues(obs: number[]): number[] {
    const [q, h] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const hNew = tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(this.hidden, this.wh))) as tf.Tensor2D;
      return [tf.matMul(hNew, this.wq), hNew] as [tf.Tensor, tf.Tensor2D];
    });
    this.hidden.dispose();
    this.hidden = h;
    const values = Array.from(q.dataSync());
    q.dispose();
    return values;
  }

  act(obs: number[]): number {
    return this.pick(this.qValues(obs));
  }

  pick(q: number[]): number {
    if (Math.random() < this.epsilon) return Math.floor(Math.random() * q.length);
    return q.indexOf(Math.max(...q));
  }

  peekState(): number[] {
    return Array.from(this.hidden.dataSync());
  }
}

export function evaluate(agent: RecurrentQAgent, env: Env, episodes: number) {
  const log: Array<{ episode: number; ret: number; firstQ: number[] }> = [];
  for (let episode = 0; episode < episodes; episode++) {
    let obs = env.reset();
    let ret = 0;
    let firstQ: number[] = [];
    let done = false;
    while (!done) {
      const q = agent.qValues(obs);
      if (firstQ.length === 0) firstQ = q;
      const r = env.step(agent.pick(q));
      obs = r.obs;
      ret += r.reward;
      done = r.done;
    }
    log.push({ episode, ret, firstQ });
  }
  return log;
}
