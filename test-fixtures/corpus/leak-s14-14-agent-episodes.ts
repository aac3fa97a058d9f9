// expect: state-leak
// Recurrent policy for a partially observable grid task; rolls out several episodes and reports the returns.
import * as tf from '@tensorflow/tfjs';

export interface Env<O> {
  reset(): O;
  step(action: number): { readonly obs: O; readonly reward: number; readonly done: boolean };
}

export interface Policy<O> {
  act(obs: O): number;
}

export enum Move {
  Up,
  Down,
  Left,
  Right,
}

export class RecurrentPolicy implements Policy<readonly number[]> {
  private h: tf.Tensor;
  private readonly wx: tf.Tensor;
  private readonly wh: tf.Tensor;
  private readonly wa: tf.Tensor;

  constructor(obsDim: number, private readonly units = 16, seed = 4) {
    this.wx = tf.randomNormal([obsDim, units], 0, 0.5, 'float32', seed);
    this.wh = tf.randomNormal([units, units], 0, 0.5, 'float32', seed + 1);
    this.wa = tf.randomNormal([units, 4], 0, 0.5, 'float32', seed + 2);
    this.h = tf.zeros([1, units]);
  }

  act(obs: readonly number[]): Move {
    const [next, action] = tf.tidy(() => {
      const x = tf.tensor2d([obs as number[]]);
      const h = tf.tanh(x.matMul(this.wx).add(this.h.matMul(this.wh)));
      return [h, h.matMul(this.wa).argMax(1)] as const;
    });
    this.h.dispose();
    this.h = next;
    const a = action.dataSync()[0];
    action.dispose();
    return a as Move;
  }

  get size(): number {
    return this.units;
  }
}

export class Corridor implements Env<readonly number[]> {
  private pos = 0;
  private t = 0;
  constructor(private readonly goal = 4, private readonly limit = 12) {}

  private observe(): readonly number[] {
    return [this.pos === 0 ? 1 : 0, this.pos === this.goal ? 1 : 0, this.t === 0 ? 1 : 0];
  }

  reset(): readonly number[] {
    this.pos = 0;
    this.t = 0;
    return this.observe();
  }

  step(action: number) {
    this.t += 1;
    if (action === Move.Right) this.pos = Math.min(this.goal, this.pos + 1);
    if (action === Move.Left) this.pos = Math.max(0, this.pos - 1);
    const done = this.pos === this.goal || this.t >= this.limit;
    return { obs: this.observe(), reward: this.pos === this.goal ? 1 : -0.05, done };
  }
}

export function rollout<O>(env: Env<O>, policy: Policy<O>, episodes: number): { returns: number[]; actions: number[][] } {
  const returns: number[] = [];
  const actions: number[][] = [];
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let total = 0;
    const taken: number[] = [];
    for (let done = false; !done; ) {
      const a = policy.act(obs);
      taken.push(a);
      const r = env.step(a);
      obs = r.obs;
      total += r.reward;
      done = r.done;
    }
    returns.push(total);
    actions.push(taken);
  }
  return { returns, actions };
}

if (require.main === module) {
  const result = rollout(new Corridor(), new RecurrentPolicy(3), 3);
  console.log(result.returns, result.actions.map((a) => a.join('')));
}
