// A method loops over one sequence through a private method that advances the state fields.
import * as tf from '@tensorflow/tfjs';

export class TicketEncoder {
  readonly #W: tf.Variable;
  readonly #U: tf.Variable;
  #h: tf.Tensor2D;

  constructor(dim: number, units: number) {
    this.#W = tf.variable(tf.randomNormal([dim, units], 0, 0.05));
    this.#U = tf.variable(tf.randomNormal([units, units], 0, 0.05));
    this.#h = tf.zeros([1, units]);
  }

  #step(x: tf.Tensor2D): void {
    const next = tf.tidy(() => tf.tanh(tf.matMul(x, this.#W).add(tf.matMul(this.#h, this.#U))) as tf.Tensor2D);
    this.#h.dispose();
    this.#h = next;
  }

  encode(tokens: tf.Tensor2D[]): tf.Tensor2D {
    for (const x of tokens) this.#step(x);
//                          ~~~~~~~~~~~~~ state-leak
    return this.#h.clone();
  }
}

export class DocumentReader {
  private h: tf.Tensor2D = tf.zeros([1, 8]);
  private readonly U = tf.variable(tf.randomNormal([8, 8], 0, 0.05));

  private advance(x: tf.Tensor2D): void {
    const hNew = tf.tanh(x.add(tf.matMul(this.h, this.U))) as tf.Tensor2D;
    this.h = hNew;
  }

  read(words: tf.Tensor2D[]): tf.Tensor2D {
    words.forEach((w) => this.advance(w));
//                       ~~~~~~~~~~~~~~~ state-leak
    return this.h;
  }
}

// A policy whose `act` advances its memory inline, run over episodes without a reset.
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
    for (const obs of episode) {
      agent.act(obs);
//    ~~~~~~~~~~~~~~ state-leak
      steps++;
    }
  }
  return steps;
}
