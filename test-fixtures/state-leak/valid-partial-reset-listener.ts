// Start-of-episode listeners that do reset the recurrent state: by assigning it, through a reset
// method, or in a second listener for the same event; and a listener for another event that only
// counts.
import * as tf from '@tensorflow/tfjs';

class Bus {
  private handlers = new Map<string, Array<() => void>>();
  on(evt: string, fn: () => void): void {
    this.handlers.set(evt, [...(this.handlers.get(evt) ?? []), fn]);
  }
}

const W = tf.randomNormal([7, 4]);

export class Assigns {
  h: tf.Tensor2D = tf.zeros([1, 4]);
  steps = 0;
  constructor(bus: Bus) {
    bus.on('episode:start', () => {
      this.steps = 0;
      this.h = tf.zeros([1, 4]);
    });
    bus.on('step', () => { this.steps += 1; });
  }
  act(obs: number[]): void {
    const next = tf.tidy(() => tf.tanh(tf.matMul(tf.concat([tf.tensor2d([obs]), this.h], 1), W)) as tf.Tensor2D);
    this.h.dispose();
    this.h = next;
  }
}

export class CallsReset {
  h: tf.Tensor2D = tf.zeros([1, 4]);
  total = 0;
  constructor(bus: Bus) {
    bus.on('reset', () => {
      this.total = 0;
      this.resetState();
    });
  }
  resetState(): void {
    this.h = tf.zeros([1, 4]);
  }
  act(obs: number[]): void {
    const next = tf.tidy(() => tf.tanh(tf.matMul(tf.concat([tf.tensor2d([obs]), this.h], 1), W)) as tf.Tensor2D);
    this.h = next;
  }
}

export class TwoListeners {
  h: tf.Tensor2D = tf.zeros([1, 4]);
  total = 0;
  constructor(bus: Bus) {
    bus.on('start', () => { this.total = 0; });
    bus.on('start', () => { this.h = tf.zeros([1, 4]); });
  }
  act(obs: number[]): void {
    const next = tf.tidy(() => tf.tanh(tf.matMul(tf.concat([tf.tensor2d([obs]), this.h], 1), W)) as tf.Tensor2D);
    this.h = next;
  }
}
