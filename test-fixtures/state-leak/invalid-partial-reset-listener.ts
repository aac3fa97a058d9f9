// An agent whose "start of episode" listener resets the episode's counters but not the LSTM state
// that `choose` advances: each episode continues from where the previous one ended.
import * as tf from '@tensorflow/tfjs';

class Bus {
  private handlers = new Map<string, Array<() => void>>();
  on(evt: string, fn: () => void): void {
    this.handlers.set(evt, [...(this.handlers.get(evt) ?? []), fn]);
  }
  emit(evt: string): void {
    for (const fn of this.handlers.get(evt) ?? []) fn();
  }
}

export class Agent {
  private readonly kernel = tf.randomNormal([13, 16]);
  h: tf.Tensor2D = tf.zeros([1, 4]);
  c: tf.Tensor2D = tf.zeros([1, 4]);
  episodeReturn = 0;
  steps = 0;

  constructor(bus: Bus) {
    bus.on('episode:start', () => {
//         ~~~~~~~~~~~~~~~ state-leak
      this.episodeReturn = 0;
      this.steps = 0;
    });
  }

  choose(obs: number[]): number {
    const [h, c] = tf.tidy(() => {
      const z = tf.matMul(tf.concat([tf.tensor2d([obs]), this.h], 1), this.kernel);
      const [i, f, g, o] = tf.split(z, 4, 1) as tf.Tensor2D[];
      const cNext = tf.add(tf.mul(tf.sigmoid(f!), this.c), tf.mul(tf.sigmoid(i!), tf.tanh(g!))) as tf.Tensor2D;
      return [tf.mul(tf.sigmoid(o!), tf.tanh(cNext)) as tf.Tensor2D, cNext];
    });
    this.h.dispose();
    this.c.dispose();
    this.h = h!;
    this.c = c!;
    this.steps += 1;
    return h!.argMax(1).dataSync()[0]!;
  }
}
