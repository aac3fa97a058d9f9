// Methods that loop through a state-advancing method correctly, or on purpose without a reset.
import * as tf from '@tensorflow/tfjs';

export class TicketEncoder {
  readonly #U = tf.variable(tf.randomNormal([8, 8], 0, 0.05));
  #h: tf.Tensor2D = tf.zeros([1, 8]);
  #count = 0;

  #step(x: tf.Tensor2D): void {
    const next = tf.tidy(() => tf.tanh(x.add(tf.matMul(this.#h, this.#U))) as tf.Tensor2D);
    this.#h.dispose();
    this.#h = next;
    this.#count = this.#count + 1;
  }

  // Reset at the start of every sequence.
  encode(tokens: tf.Tensor2D[]): tf.Tensor2D {
    this.#h.dispose();
    this.#h = tf.zeros([1, 8]);
    for (const x of tokens) this.#step(x);
    return this.#h.clone();
  }

  // Reset through a reset method.
  encodeFresh(tokens: tf.Tensor2D[]): tf.Tensor2D {
    this.resetState();
    for (const x of tokens) this.#step(x);
    return this.#h.clone();
  }

  resetState(): void {
    this.#h.dispose();
    this.#h = tf.zeros([1, 8]);
  }
}

// A public streaming method (`push`) is the class's interface: a loop over it continues the stream.
export class StreamingGRU {
  private h: tf.Tensor2D = tf.zeros([1, 8]);
  private readonly U = tf.variable(tf.randomNormal([8, 8], 0, 0.05));

  push(x: tf.Tensor2D): tf.Tensor2D {
    const hNew = tf.tanh(x.add(tf.matMul(this.h, this.U))) as tf.Tensor2D;
    this.h = hNew;
    return hNew;
  }

  pushAll(frames: tf.Tensor2D[]): tf.Tensor2D[] {
    return frames.map((f) => this.push(f));
  }
}

// A method that replaces a field with a value that does not depend on it (a cache) is no recurrence.
export class Smoother {
  private lastOutput: tf.Tensor2D | null = null;
  private readonly W = tf.variable(tf.randomNormal([8, 8], 0, 0.05));

  private record(x: tf.Tensor2D): void {
    this.lastOutput?.dispose();
    this.lastOutput = tf.matMul(x, this.W) as tf.Tensor2D;
  }

  run(xs: tf.Tensor2D[]): tf.Tensor2D | null {
    for (const x of xs) this.record(x);
    return this.lastOutput;
  }
}

// The same policy reset at the start of every episode.
export class Agent {
  private hx: tf.Tensor2D = tf.zeros([1, 8]);
  private readonly Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.05));

  act(obs: tf.Tensor2D): tf.Tensor2D {
    const [logits, hx] = tf.tidy(() => {
      const h = tf.tanh(obs.add(tf.matMul(this.hx, this.Wh))) as tf.Tensor2D;
      return [tf.matMul(h, this.Wh), h] as tf.Tensor2D[];
    });
    this.hx.dispose();
    this.hx = hx!;
    return logits!;
  }

  reset(): void {
    this.hx.dispose();
    this.hx = tf.zeros([1, 8]);
  }
}

export function evaluate(agent: Agent, episodes: tf.Tensor2D[][]): number {
  let steps = 0;
  for (const episode of episodes) {
    agent.reset();
    for (const obs of episode) {
      agent.act(obs);
      steps++;
    }
  }
  return steps;
}
