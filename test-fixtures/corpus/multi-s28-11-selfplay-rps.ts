// expect: returns-input-state, stacked-activation
// Self-play for iterated rock-paper-scissors: both seats share one LSTM network, each seat keeps its own memory.
import * as tf from '@tensorflow/tfjs';

type Seat = { h: tf.Tensor2D; c: tf.Tensor2D };

const MOVES = 3;

export class SharedCore {
  readonly W: tf.Variable;
  readonly U: tf.Variable;
  readonly b: tf.Variable;
  readonly Wp: tf.Variable;
  readonly bp: tf.Variable;

  constructor(readonly units = 12, seed = 3) {
    this.W = tf.variable(tf.randomNormal([2 * MOVES, 4 * units], 0, 0.4, 'float32', seed));
    this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.4, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([4 * units]));
    this.Wp = tf.variable(tf.randomNormal([units, MOVES], 0, 0.5, 'float32', seed + 2));
    this.bp = tf.variable(tf.zeros([MOVES]));
  }

  fresh(): Seat {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  step(x: tf.Tensor2D, seat: Seat): Seat {
    const gates = x.matMul(this.W).add(seat.h.matMul(this.U)).add(this.b);
    const [i, f, g, o] = tf.split(gates, 4, 1).map((t, k) => (k === 2 ? tf.tanh(t) : tf.sigmoid(t)));
    const c = f.mul(seat.c).add(i.mul(g)) as tf.Tensor2D;
    const h = o.mul(tf.tanh(c)) as tf.Tensor2D;
    return { ...seat, h };
  }

  policy(h: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(h.matMul(this.Wp).add(this.bp));
  }
}

function chooseMove(core: SharedCore, h: tf.Tensor2D, temperature: number): number {
  const probs = core.policy(h);
  const tempered = tf.softmax(probs.div(temperature)).dataSync();
  let u = Math.random();
  for (let m = 0; m < MOVES; m++) {
    u -= tempered[m];
    if (u <= 0) return m;
  }
  return MOVES - 1;
}

function encode(mine: number, theirs: number): tf.Tensor2D {
  const v = new Array<number>(2 * MOVES).fill(0);
  if (mine >= 0) v[mine] = 1;
  if (theirs >= 0) v[MOVES + theirs] = 1;
  return tf.tensor2d([v]);
}

function payoff(a: number, b: number): number {
  if (a === b) return 0;
  return (a - b + 3) % 3 === 1 ? 1 : -1;
}

export interface MatchLog {
  moves: [number, number][];
  score: number;
}

export function playMatch(core: SharedCore, rounds: number, temperature = 0.5): MatchLog {
  const log: MatchLog = { moves: [], score: 0 };
  tf.tidy(() => {
    const seats: Seat[] = [core.fresh(), core.fresh()];
    let last: [number, number] = [-1, -1];
    for (let r = 0; r < rounds; r++) {
      seats[0] = core.step(encode(last[0], last[1]), seats[0]);
      seats[1] = core.step(encode(last[1], last[0]), seats[1]);
      const a = chooseMove(core, seats[0].h, temperature);
      const b = chooseMove(core, seats[1].h, temperature);
      log.moves.push([a, b]);
      log.score += payoff(a, b);
      last = [a, b];
    }
  });
  return log;
}

export function selfPlay(core: SharedCore, matches: number): number[] {
  const scores: number[] = [];
  for (let m = 0; m < matches; m++) scores.push(playMatch(core, 20).score);
  return scores;
}

if (require.main === module) {
  const core = new SharedCore();
  console.log('seat-0 scores', selfPlay(core, 5));
  console.log('tensors alive', tf.memory().numTensors);
}
