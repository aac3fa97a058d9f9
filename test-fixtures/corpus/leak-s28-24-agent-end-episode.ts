// expect: state-leak
// Recurrent policy-gradient agent with the usual act / observe / endEpisode hooks, used by a simple game runner.
import * as tf from '@tensorflow/tfjs';

export interface Game {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

export class RecurrentPgAgent {
  private readonly W: tf.Variable;
  private readonly U: tf.Variable;
  private readonly b: tf.Variable;
  private readonly V: tf.Variable;
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;
  private rewards: number[] = [];
  private actions: number[] = [];
  private observations: number[][] = [];
  readonly finished: { ret: number; len: number }[] = [];

  constructor(obsSize: number, private readonly units: number, private readonly nActions: number) {
    this.W = tf.variable(tf.randomNormal([obsSize, 4 * units], 0, 0.25));
    this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.25));
    this.b = tf.variable(tf.zeros([4 * units]));
    this.V = tf.variable(tf.randomNormal([units, nActions], 0, 0.25));
    this.h = tf.zeros([1, units]);
    this.c = tf.zeros([1, units]);
  }

  act(obs: number[]): number {
    const [h, c, logits] = tf.tidy(() => {
      const z = tf.tensor2d([obs]).matMul(this.W).add(this.h.matMul(this.U)).add(this.b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNew = tf.sigmoid(f).mul(this.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
      return [hNew, cNew, hNew.matMul(this.V)] as tf.Tensor2D[];
    });
    tf.dispose([this.h, this.c]);
    this.h = h;
    this.c = c;
    const action = tf.tidy(() => tf.multinomial(logits, 1).dataSync()[0]);
    logits.dispose();
    this.observations.push(obs);
    this.actions.push(action);
    return action;
  }

  observe(reward: number): void {
    this.rewards.push(reward);
  }

  endEpisode(): { obs: number[][]; actions: number[]; returns: number[] } {
    const returns: number[] = [];
    let g = 0;
    for (let t = this.rewards.length - 1; t >= 0; t--) {
      g = this.rewards[t] + 0.97 * g;
      returns[t] = g;
    }
    const trajectory = { obs: this.observations, actions: this.actions, returns };
    this.finished.push({ ret: returns[0] ?? 0, len: this.rewards.length });
    this.rewards = [];
    this.actions = [];
    this.observations = [];
    return trajectory;
  }
}

export class DoorsGame implements Game {
  private t = 0;
  private good = 0;
  reset(): number[] {
    this.t = 0;
    this.good = Math.floor(Math.random() * 3);
    return [1, this.good / 2, 0];
  }
  step(action: number) {
    this.t++;
    const done = this.t >= 4;
    return { obs: [0, 0, this.t / 4], reward: done && action === this.good ? 1 : 0, done };
  }
}

export function runGames(agent: RecurrentPgAgent, game: Game, n: number): number {
  for (let ep = 0; ep < n; ep++) {
    let obs = game.reset();
    for (;;) {
      const res = game.step(agent.act(obs));
      agent.observe(res.reward);
      obs = res.obs;
      if (res.done) break;
    }
    agent.endEpisode();
  }
  const recent = agent.finished.slice(-n);
  return recent.reduce((s, f) => s + f.ret, 0) / recent.length;
}
