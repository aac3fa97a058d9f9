// An LSTM agent whose per-episode hook clears its memory as well as its counters.
import * as tf from '@tensorflow/tfjs';

interface Memory { h: tf.Tensor2D; c: tf.Tensor2D }

export class Agent {
  private memory: Memory = { h: tf.zeros([1, 8]), c: tf.zeros([1, 8]) };
  steps = 0;
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D) {}

  beginEpisode(): void {
    this.steps = 0;
    this.clearMemory();
  }

  private clearMemory(): void {
    this.memory = { h: tf.zeros([1, 8]), c: tf.zeros([1, 8]) };
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
  }
  return moves;
}

// A running mean of the inputs, kept across calls on purpose: advanced from its old value but
// never through a weight, so it is a statistic, not a recurrent state. The hook resets counters.
export class NormalisingScorer {
  private mean: tf.Tensor2D = tf.zeros([1, 8]);
  private turns = 0;
  constructor(private readonly wOut: tf.Tensor2D) {}

  startCall(): void {
    this.turns = 0;
  }

  addTurn(utterance: tf.Tensor2D): number {
    const next = tf.tidy(() => this.mean.mul(0.99).add(utterance.mul(0.01)) as tf.Tensor2D);
    this.mean.dispose();
    this.mean = next;
    this.turns++;
    return tf.tidy(() => tf.matMul(utterance.sub(this.mean), this.wOut).dataSync()[0]!);
  }
}

export function scoreCalls(scorer: NormalisingScorer, calls: tf.Tensor2D[][]): number[][] {
  return calls.map((call) => {
    scorer.startCall();
    return call.map((utterance) => scorer.addTurn(utterance));
  });
}

// The context vector goes through a recurrent weight and the per-call hook resets it.
export class DialogueTracker {
  private ctx: tf.Tensor2D = tf.zeros([1, 8]);
  constructor(private readonly wUtt: tf.Tensor2D, private readonly wCtx: tf.Tensor2D) {}

  startCall(): void {
    this.ctx.dispose();
    this.ctx = tf.zeros([1, 8]);
  }

  addTurn(utterance: tf.Tensor2D): tf.Tensor2D {
    const next = tf.tidy(() => tf.tanh(tf.matMul(utterance, this.wUtt).add(tf.matMul(this.ctx, this.wCtx))) as tf.Tensor2D);
    this.ctx.dispose();
    this.ctx = next;
    return next;
  }
}

export function replayCalls(tracker: DialogueTracker, calls: tf.Tensor2D[][]): tf.Tensor2D[] {
  return calls.map((call) => {
    tracker.startCall();
    let last = tf.zeros([1, 8]) as tf.Tensor2D;
    for (const utterance of call) last = tracker.addTurn(utterance);
    return last;
  });
}
