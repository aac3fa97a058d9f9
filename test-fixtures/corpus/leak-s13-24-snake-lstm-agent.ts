// expect: state-leak
// Browser snake demo driven by an LSTM agent; plays episode after episode and charts the length reached.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 24;
const OBS = 6;
const MOVES = ['left', 'straight', 'right'] as const;

interface Memory { h: tf.Tensor2D; c: tf.Tensor2D }

export class SnakeAgent {
  private readonly W = tf.randomNormal([OBS, 4 * UNITS], 0, 0.5, 'float32', 441);
  private readonly U = tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', 442);
  private readonly Wp = tf.randomNormal([UNITS, MOVES.length], 0, 0.8, 'float32', 443);
  private memory: Memory = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  episode = 0;
  steps = 0;
  totalReward = 0;

  beginEpisode(): void {
    this.episode++;
    this.steps = 0;
    this.totalReward = 0;
  }

  act(obs: number[]): number {
    const { move, h, c } = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const z = x.matMul(this.W).add(this.memory.h.matMul(this.U));
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNew = tf.sigmoid(f).mul(this.memory.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
      const move = hNew.matMul(this.Wp).argMax(1).dataSync()[0];
      return { move, h: hNew, c: cNew };
    });
    tf.dispose([this.memory.h, this.memory.c]);
    this.memory = { h, c };
    this.steps++;
    return move;
  }

  observeReward(r: number): void {
    this.totalReward += r;
  }
}

export class SnakeGame {
  body: Array<[number, number]> = [];
  dir: [number, number] = [1, 0];
  food: [number, number] = [0, 0];
  constructor(readonly size = 12) {}

  reset(): number[] {
    this.body = [[6, 6], [5, 6], [4, 6]];
    this.dir = [1, 0];
    this.food = [9, 3];
    return this.observe();
  }

  observe(): number[] {
    const [hx, hy] = this.body[0];
    return [hx / this.size, hy / this.size, this.dir[0], this.dir[1],
      (this.food[0] - hx) / this.size, (this.food[1] - hy) / this.size];
  }

  step(move: number): { obs: number[]; reward: number; done: boolean } {
    const [dx, dy] = this.dir;
    if (move === 0) this.dir = [dy, -dx];
    if (move === 2) this.dir = [-dy, dx];
    const head: [number, number] = [this.body[0][0] + this.dir[0], this.body[0][1] + this.dir[1]];
    const dead = head[0] < 0 || head[1] < 0 || head[0] >= this.size || head[1] >= this.size ||
      this.body.some(([x, y]) => x === head[0] && y === head[1]);
    if (dead) return { obs: this.observe(), reward: -1, done: true };
    this.body.unshift(head);
    const ate = head[0] === this.food[0] && head[1] === this.food[1];
    if (ate) this.food = [(this.food[0] * 7 + 3) % this.size, (this.food[1] * 5 + 1) % this.size];
    else this.body.pop();
    return { obs: this.observe(), reward: ate ? 1 : 0, done: false };
  }
}

export async function runEpisodes(agent: SnakeAgent, game: SnakeGame, episodes: number,
                                  onEpisode: (ep: number, length: number, moves: number) => void): Promise<void> {
  for (let e = 0; e < episodes; e++) {
    agent.beginEpisode();
    let obs = game.reset();
    for (let t = 0; t < 200; t++) {
      const res = game.step(agent.act(obs));
      agent.observeReward(res.reward);
      obs = res.obs;
      if (res.done) break;
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    }
    onEpisode(agent.episode, game.body.length, agent.steps);
  }
}

if (typeof document !== 'undefined' && document.getElementById('snake-chart')) {
  const chart = document.getElementById('snake-chart') as HTMLElement;
  void runEpisodes(new SnakeAgent(), new SnakeGame(), 10, (ep, len, moves) => {
    const bar = document.createElement('div');
    bar.style.height = `${len * 8}px`;
    bar.title = `episode ${ep}: length ${len} after ${moves} moves`;
    chart.appendChild(bar);
  });
}
