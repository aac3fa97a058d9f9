// expect: state-leak
// Grid-maze runner: an event-driven game loop plays episodes with an LSTM policy agent and reports returns.
import * as tf from '@tensorflow/tfjs';

type GameEvent = 'episode:start' | 'step' | 'episode:end';
type Payload = { episode: number; obs?: number[]; reward?: number };

class GameBus {
  private handlers = new Map<GameEvent, Array<(p: Payload) => void>>();
  on(evt: GameEvent, fn: (p: Payload) => void): void {
    const list = this.handlers.get(evt) ?? [];
    list.push(fn);
    this.handlers.set(evt, list);
  }
  emit(evt: GameEvent, p: Payload): void {
    for (const fn of this.handlers.get(evt) ?? []) fn(p);
  }
}

const OBS = 5;
const UNITS = 12;
const MOVES = 4;

export class LstmAgent {
  private readonly kernel = tf.randomNormal([OBS + UNITS, 4 * UNITS], 0, 0.3, 'float32', 17);
  private readonly policyHead = tf.randomNormal([UNITS, MOVES], 0, 0.5, 'float32', 18);
  h: tf.Tensor2D = tf.zeros([1, UNITS]);
  c: tf.Tensor2D = tf.zeros([1, UNITS]);
  episodeReturn = 0;
  stepsTaken = 0;
  readonly history: number[] = [];

  constructor(bus: GameBus) {
    bus.on('episode:start', () => {
      this.episodeReturn = 0;
      this.stepsTaken = 0;
    });
    bus.on('step', ({ obs, reward }) => {
      this.episodeReturn += reward ?? 0;
      if (obs) this.lastMove = this.choose(obs);
    });
    bus.on('episode:end', ({ episode }) => {
      this.history[episode] = this.episodeReturn;
    });
  }

  lastMove = 0;

  choose(obs: number[]): number {
    const [h, c, move] = tf.tidy(() => {
      const xh = tf.concat([tf.tensor2d([obs]), this.h], 1);
      const z = tf.matMul(xh, this.kernel);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const c = tf.add(tf.mul(tf.sigmoid(f), this.c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
      const h = tf.mul(tf.sigmoid(o), tf.tanh(c)) as tf.Tensor2D;
      const move = tf.argMax(tf.matMul(h, this.policyHead), 1).dataSync()[0];
      return [h, c, move] as [tf.Tensor2D, tf.Tensor2D, number];
    });
    this.h.dispose();
    this.c.dispose();
    this.h = h;
    this.c = c;
    this.stepsTaken += 1;
    return move;
  }
}

function observe(pos: [number, number], goal: [number, number]): number[] {
  return [pos[0] / 4, pos[1] / 4, (goal[0] - pos[0]) / 4, (goal[1] - pos[1]) / 4, 1];
}

export function playEpisodes(episodes: number, maxSteps = 20): number[] {
  const bus = new GameBus();
  const agent = new LstmAgent(bus);
  for (let ep = 0; ep < episodes; ep++) {
    const pos: [number, number] = [0, 0];
    const goal: [number, number] = [4, 4];
    bus.emit('episode:start', { episode: ep });
    let reward = 0;
    for (let t = 0; t < maxSteps; t++) {
      bus.emit('step', { episode: ep, obs: observe(pos, goal), reward });
      const dirs: Array<[number, number]> = [[1, 0], [-1, 0], [0, 1], [0, -1]];
      const [dx, dy] = dirs[agent.lastMove];
      pos[0] = Math.min(4, Math.max(0, pos[0] + dx));
      pos[1] = Math.min(4, Math.max(0, pos[1] + dy));
      reward = pos[0] === goal[0] && pos[1] === goal[1] ? 1 : -0.01;
      if (reward === 1) {
        bus.emit('step', { episode: ep, reward });
        break;
      }
    }
    bus.emit('episode:end', { episode: ep });
  }
  return agent.history;
}
