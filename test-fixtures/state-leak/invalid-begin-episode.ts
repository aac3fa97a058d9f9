// An LSTM agent whose per-episode hook resets its counters; the episode loop calls it.
import * as tf from '@tensorflow/tfjs';

interface Memory { h: tf.Tensor2D; c: tf.Tensor2D }

export class Agent {
  private memory: Memory = { h: tf.zeros([1, 8]), c: tf.zeros([1, 8]) };
  steps = 0;
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D) {}

  beginEpisode(): void {
    this.steps = 0;
  }

  act(obs: number[]): number {
    const { h, c } = tf.tidy(() => {
      const z = tf.tensor2d([obs]).matMul(this.W).add(this.memory.h.matMul(this.U));
      const [i, f, g, o] = tf.split(z, 4, 1) as tf.Tensor2D[];
      const cNew = tf.sigmoid(f!).mul(this.memory.c).add(tf.sigmoid(i!).mul(tf.tanh(g!))) as tf.Tensor2D;
      return { h: tf.sigmoid(o!).mul(tf.tanh(cNew)) as tf.Tensor2D, c: cNew };
    });
    this.memory = { h, c };
    this.steps++;
    return h.argMax(1).dataSync()[0]!;
  }
}

export function play(agent: Agent, episodes: number[][][]): number[][] {
  const moves: number[][] = [];
  for (const episode of episodes) {
    agent.beginEpisode();
    moves.push(episode.map((obs) => agent.act(obs)));
    //                              ~~~~~~~~~~~~~~ state-leak
  }
  return moves;
}

// A dialogue tracker whose context vector goes through a recurrent weight each turn: the field
// is a state whatever its name, and the per-call hook resets the turn counter only.
export class DialogueTracker {
  private ctx: tf.Tensor2D = tf.zeros([1, 8]);
  private turns = 0;
  constructor(private readonly wUtt: tf.Tensor2D, private readonly wCtx: tf.Tensor2D) {}

  startCall(): void {
    this.turns = 0;
  }

  addTurn(utterance: tf.Tensor2D): number {
    const next = tf.tidy(() => tf.tanh(tf.matMul(utterance, this.wUtt).add(tf.matMul(this.ctx, this.wCtx))) as tf.Tensor2D);
    this.ctx.dispose();
    this.ctx = next;
    this.turns++;
    return this.turns;
  }
}

export function replayCalls(tracker: DialogueTracker, calls: tf.Tensor2D[][]): number[] {
  return calls.map((call) => {
    tracker.startCall();
    let turns = 0;
    for (const utterance of call) turns = tracker.addTurn(utterance);
//                                        ~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
    return turns;
  });
}
