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
