// An agent whose state is reset by an event listener it registers: the game loop emits 'reset' at
// the start of every episode, so each episode starts from a fresh state although no reset call is
// written in the loop over episodes.
import * as tf from '@tensorflow/tfjs';

class Loop {
  private handlers: Record<string, Array<() => void>> = {};
  on(evt: string, fn: () => void): void {
    (this.handlers[evt] ??= []).push(fn);
  }
  emit(evt: string): void {
    for (const fn of this.handlers[evt] ?? []) fn();
  }
}

export class Agent {
  readonly Wx = tf.variable(tf.randomNormal([3, 8]));
  readonly Wh = tf.variable(tf.randomNormal([8, 8]));
  private h: tf.Tensor2D = tf.zeros([1, 8]);

  attach(loop: Loop): void {
    loop.on('reset', () => {
      this.h.dispose();
      this.h = tf.zeros([1, 8]);
    });
  }

  cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
  }

  act(obs: number[]): number {
    const next = tf.tidy(() => this.cell(tf.tensor2d([obs]), this.h));
    this.h.dispose();
    this.h = next;
    return next.dataSync()[0]! > 0 ? 1 : 0;
  }
}

export function play(episodes: number, length: number): number[] {
  const loop = new Loop();
  const agent = new Agent();
  agent.attach(loop);
  const scores: number[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    loop.emit('reset');
    let total = 0;
    for (let t = 0; t < length; t++) total += agent.act([t / length, ep, 1]);
    scores.push(total);
  }
  return scores;
}
