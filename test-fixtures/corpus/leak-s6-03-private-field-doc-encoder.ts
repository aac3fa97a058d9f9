// expect: state-leak
// Encodes each support ticket into a fixed vector with a hand-written LSTM kept in a class with private fields, then groups near-duplicate tickets.
import * as tf from '@tensorflow/tfjs';

export interface Ticket {
  id: string;
  tokenIds: number[];
}

export class TicketEncoder {
  readonly #embeddings: tf.Variable;
  readonly #W: tf.Variable;
  readonly #U: tf.Variable;
  readonly #b: tf.Variable;
  #h: tf.Tensor2D;
  #c: tf.Tensor2D;

  constructor(vocabSize: number, dim: number, units: number) {
    this.#embeddings = tf.variable(tf.randomNormal([vocabSize, dim], 0, 0.05));
    this.#W = tf.variable(tf.randomNormal([dim, 4 * units], 0, 0.05));
    this.#U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.05));
    this.#b = tf.variable(tf.zeros([4 * units]));
    this.#h = tf.zeros([1, units]);
    this.#c = tf.zeros([1, units]);
  }

  #step(tokenId: number): void {
    const [h, c] = tf.tidy(() => {
      const x = tf.gather(this.#embeddings, [tokenId]);
      const z = tf.add(tf.add(tf.matMul(x, this.#W), tf.matMul(this.#h, this.#U)), this.#b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(f), this.#c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const hNext: tf.Tensor2D = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
      return [hNext, cNext];
    });
    tf.dispose([this.#h, this.#c]);
    this.#h = h;
    this.#c = c;
  }

  encode(ticket: Ticket): tf.Tensor2D {
    for (const id of ticket.tokenIds) {
      this.#step(id);
    }
    return this.#h.clone();
  }
}

export function encodeTickets(tickets: Ticket[], encoder: TicketEncoder): Map<string, Float32Array> {
  const vectors = new Map<string, Float32Array>();
  for (const ticket of tickets) {
    const v = encoder.encode(ticket);
    vectors.set(ticket.id, v.dataSync() as Float32Array);
    v.dispose();
  }
  return vectors;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / (Math.sqrt(na * nb) + 1e-8);
}

export function nearDuplicates(vectors: Map<string, Float32Array>, threshold = 0.95): Array<[string, string]> {
  const ids = [...vectors.keys()];
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      if (cosine(vectors.get(ids[i])!, vectors.get(ids[j])!) >= threshold) {
        pairs.push([ids[i], ids[j]]);
      }
    }
  }
  return pairs;
}
