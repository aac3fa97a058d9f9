// expect: stacked-activation
// Recurrent PPO actor: vanilla RNN core with policy/value heads, used to collect on-policy batches.
import * as tf from '@tensorflow/tfjs';

const squash = (t: tf.Tensor): tf.Tensor2D => tf.tanh(t) as tf.Tensor2D;

export interface StepRecord {
  obs: number[];
  action: number;
  logProb: number;
  value: number;
}

export class RecurrentPpoActor {
  readonly Wx: tf.Variable;
  readonly Wh: tf.Variable;
  readonly b: tf.Variable;
  readonly Wpi: tf.Variable;
  readonly Wv: tf.Variable;
  private state: tf.Tensor2D;

  constructor(readonly obsSize: number, readonly hidden: number, readonly actions: number) {
    this.Wx = tf.variable(tf.randomNormal([obsSize, hidden], 0, 0.4));
    this.Wh = tf.variable(tf.randomNormal([hidden, hidden], 0, 0.4));
    this.b = tf.variable(tf.zeros([hidden]));
    this.Wpi = tf.variable(tf.randomNormal([hidden, actions], 0, 0.1));
    this.Wv = tf.variable(tf.randomNormal([hidden, 1], 0, 0.1));
    this.state = tf.zeros([1, hidden]);
  }

  core(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const recurrentInput = squash(h).matMul(this.Wh);
    return squash(x.matMul(this.Wx).add(recurrentInput).add(this.b));
  }

  reset(): void {
    this.state.dispose();
    this.state = tf.zeros([1, this.hidden]);
  }

  currentState(): tf.Tensor2D {
    return this.state;
  }

  act(obs: number[]): StepRecord {
    const { logp, value, h } = tf.tidy(() => {
      const hNext = this.core(tf.tensor2d([obs]), this.state);
      return {
        logp: tf.logSoftmax(hNext.matMul(this.Wpi)),
        value: hNext.matMul(this.Wv),
        h: hNext,
      };
    });
    this.state.dispose();
    this.state = h;

    const lp = logp.dataSync();
    let u = Math.random();
    let action = lp.length - 1;
    for (let a = 0; a < lp.length; a++) {
      u -= Math.exp(lp[a]);
      if (u <= 0) {
        action = a;
        break;
      }
    }
    const rec = { obs, action, logProb: lp[action], value: value.dataSync()[0] };
    logp.dispose();
    value.dispose();
    return rec;
  }
}

export interface Env {
  reset(): number[];
  step(a: number): { obs: number[]; reward: number; done: boolean };
}

export function collectBatch(actor: RecurrentPpoActor, env: Env, episodes: number) {
  const batch: { steps: StepRecord[]; rewards: number[] }[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    actor.reset();
    let obs = env.reset();
    const steps: StepRecord[] = [];
    const rewards: number[] = [];
    let done = false;
    while (!done && steps.length < 200) {
      const rec = actor.act(obs);
      const res = env.step(rec.action);
      steps.push(rec);
      rewards.push(res.reward);
      obs = res.obs;
      done = res.done;
    }
    batch.push({ steps, rewards });
  }
  return batch;
}
