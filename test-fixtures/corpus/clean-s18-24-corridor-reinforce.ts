// expect: none
// Corridor game with an event-driven loop: a recurrent REINFORCE agent acts each tick and learns from the whole episode when it ends.
import * as tf from '@tensorflow/tfjs';

type LoopEvent = 'reset' | 'tick' | 'done';

class GameLoop {
  private listeners: { [K in LoopEvent]: Array<(arg: number[]) => void> } = { reset: [], tick: [], done: [] };
  on(evt: LoopEvent, fn: (arg: number[]) => void): void {
    this.listeners[evt].push(fn);
  }
  emit(evt: LoopEvent, arg: number[] = []): void {
    this.listeners[evt].forEach((fn) => fn(arg));
  }
}

const OBS = 3;
const UNITS = 10;

export class RecurrentReinforce {
  readonly Wx = tf.variable(tf.randomNormal([OBS, UNITS], 0, 0.4, 'float32', 500));
  readonly Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 501));
  readonly Wa = tf.variable(tf.randomNormal([UNITS, 2], 0, 0.4, 'float32', 502));
  private readonly optimizer = tf.train.adam(0.03);
  private h: tf.Tensor2D = tf.zeros([1, UNITS]);
  private observations: number[][] = [];
  private actions: number[] = [];
  private rewards: number[] = [];
  private rng = 0.1234;

  cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
  }

  attach(loop: GameLoop): void {
    loop.on('reset', () => {
      this.h.dispose();
      this.h = tf.zeros([1, UNITS]);
      this.observations = [];
      this.actions = [];
      this.rewards = [];
    });
    loop.on('done', () => this.learn());
  }

  act(obs: number[]): number {
    const probs = tf.tidy(() => {
      const hNew = this.cell(tf.tensor2d([obs]), this.h);
      this.h.dispose();
      this.h = tf.keep(hNew);
      return tf.softmax(tf.matMul(hNew, this.Wa)).dataSync();
    });
    this.rng = (this.rng * 9301 + 0.49297) % 1;
    const action = this.rng < probs[0] ? 0 : 1;
    this.observations.push(obs);
    this.actions.push(action);
    return action;
  }

  reward(r: number): void {
    this.rewards.push(r);
  }

  private learn(): void {
    const returns: number[] = [];
    let g = 0;
    for (let t = this.rewards.length - 1; t >= 0; t--) {
      g = this.rewards[t] + 0.95 * g;
      returns[t] = g;
    }
    this.optimizer.minimize(() => {
      let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
      const terms: tf.Scalar[] = [];
      this.observations.forEach((obs, t) => {
        h = this.cell(tf.tensor2d([obs]), h);
        const logp = tf.logSoftmax(tf.matMul(h, this.Wa));
        const chosen = tf.sum(tf.mul(logp, tf.oneHot([this.actions[t]], 2))) as tf.Scalar;
        terms.push(tf.mul(chosen, -returns[t]) as tf.Scalar);
      });
      return tf.div(tf.addN(terms), terms.length) as tf.Scalar;
    });
  }
}

export function playCorridor(episodes: number, length = 6): number[] {
  const loop = new GameLoop();
  const agent = new RecurrentReinforce();
  agent.attach(loop);
  const scores: number[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    loop.emit('reset');
    let pos = 0;
    let total = 0;
    for (let t = 0; t < length; t++) {
      const a = agent.act([pos / length, t / length, 1]);
      pos = Math.max(0, pos + (a === 1 ? 1 : -1));
      const r = pos === length - 1 ? 1 : 0;
      agent.reward(r);
      total += r;
      loop.emit('tick', [pos]);
    }
    loop.emit('done');
    scores.push(total);
  }
  return scores;
}
