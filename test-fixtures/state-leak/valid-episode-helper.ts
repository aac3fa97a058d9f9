// Recurrent agents played through episodes by helpers, each episode starting from a fresh state.
import * as tf from '@tensorflow/tfjs';

export interface Env { reset(): number[]; step(a: number): { obs: number[]; done: boolean } }

export class Agent {
  private h: tf.Tensor2D = tf.zeros([1, 8]);
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D) {}

  act(obs: number[]): number {
    const next = tf.tidy(() => tf.tanh(tf.tensor2d([obs]).matMul(this.W).add(this.h.matMul(this.U)))) as tf.Tensor2D;
    this.h = next;
    return next.argMax(1).dataSync()[0]!;
  }

  resetMemory(): void {
    this.h = tf.zeros([1, 8]);
  }

  newGame(): void {
    this.h = tf.zeros([1, 8]);
  }
}

/** Starts from a fresh memory on the first step of an episode. */
export class EpisodicAgent {
  private h: tf.Tensor2D = tf.zeros([1, 8]);
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D) {}

  act(obs: number[], first: boolean): number {
    if (first) this.h = tf.zeros([1, 8]);
    const next = tf.tidy(() => tf.tanh(tf.tensor2d([obs]).matMul(this.W).add(this.h.matMul(this.U)))) as tf.Tensor2D;
    this.h = next;
    return next.argMax(1).dataSync()[0]!;
  }
}

// The helper resets the agent itself.
export function runEpisode(agent: Agent, env: Env): void {
  agent.resetMemory();
  let obs = env.reset();
  let done = false;
  while (!done) ({ obs, done } = env.step(agent.act(obs)));
}

// The helper leaves it to the caller, and the caller resets (with a method not named for it).
export function playEpisode(agent: Agent, env: Env): void {
  let obs = env.reset();
  let done = false;
  while (!done) ({ obs, done } = env.step(agent.act(obs)));
}

export function evaluate(agent: Agent, env: Env, episodes: number): void {
  for (let ep = 0; ep < episodes; ep++) runEpisode(agent, env);
  for (let ep = 0; ep < episodes; ep++) {
    agent.newGame();
    playEpisode(agent, env);
  }
}

// A fresh agent for every episode.
export function evaluateFresh(W: tf.Tensor2D, U: tf.Tensor2D, env: Env, episodes: number): void {
  for (let ep = 0; ep < episodes; ep++) {
    const agent = new Agent(W, U);
    playEpisode(agent, env);
  }
}

// One long stream fed in chunks: the state flows from chunk to chunk on purpose.
export function feedChunk(agent: Agent, frames: number[][]): void {
  for (const f of frames) agent.act(f);
}

export function stream(agent: Agent, chunks: number[][][]): void {
  for (const chunk of chunks) feedChunk(agent, chunk);
}

// An agent that clears its own memory at the end of each episode.
export function runEpisodic(agent: EpisodicAgent, env: Env, episodes: number): void {
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let done = false;
    let first = true;
    while (!done) {
      ({ obs, done } = env.step(agent.act(obs, first)));
      first = false;
    }
  }
}

export function runEpisodicHelper(agent: EpisodicAgent, env: Env): void {
  let obs = env.reset();
  let done = false;
  let first = true;
  while (!done) {
    ({ obs, done } = env.step(agent.act(obs, first)));
    first = false;
  }
}

export function evaluateEpisodic(agent: EpisodicAgent, env: Env, episodes: number): void {
  for (let ep = 0; ep < episodes; ep++) runEpisodicHelper(agent, env);
}
