// expect: none
// Part-of-speech style tagger: a hand-rolled GRU over word embeddings with a per-token softmax head.
import * as tf from '@tensorflow/tfjs';

type GruWeights = { wz: tf.Variable; uz: tf.Variable; wr: tf.Variable; ur: tf.Variable; wh: tf.Variable; uh: tf.Variable };

export class GruTagger<Tag extends string = string> {
  static readonly registry = new Map<string, number>();
  static {
    GruTagger.registry.set('gru-tagger', 1);
  }

  readonly #w: GruWeights;
  readonly #emb: tf.Variable;
  readonly #out: tf.Variable;
  readonly #units: number;

  constructor(readonly tags: readonly Tag[], vocab: number, dim = 12, units = 20) {
    const rnd = (r: number, c: number) => tf.variable(tf.randomNormal([r, c], 0, 0.25));
    this.#units = units;
    this.#emb = rnd(vocab, dim);
    this.#w = {
      wz: rnd(dim, units), uz: rnd(units, units),
      wr: rnd(dim, units), ur: rnd(units, units),
      wh: rnd(dim, units), uh: rnd(units, units),
    };
    this.#out = rnd(units, tags.length);
  }

  #gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const { wz, uz, wr, ur, wh, uh } = this.#w;
    const z = tf.sigmoid(tf.add(tf.matMul(x, wz), tf.matMul(h, uz)));
    const r = tf.sigmoid(tf.add(tf.matMul(x, wr), tf.matMul(h, ur)));
    const hTilde = tf.tanh(tf.add(tf.matMul(x, wh), tf.matMul(tf.mul(r, h), uh)));
    // Keras convention: z gates how much of the previous state survives.
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hTilde)) as tf.Tensor2D;
  }

  /** Returns per-token tag probabilities, shape [time, tags]. */
  probabilities(tokenIds: readonly number[]): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = tf.zeros([1, this.#units]);
      const rows: tf.Tensor2D[] = [];
      for (const id of tokenIds) {
        const x = tf.gather(this.#emb, [id]) as tf.Tensor2D;
        h = this.#gru(x, h);
        rows.push(tf.softmax(tf.matMul(h, this.#out)));
      }
      return tf.concat(rows, 0);
    });
  }

  tag(tokenIds: readonly number[]): Tag[] {
    const probs = this.probabilities(tokenIds);
    const best = probs.argMax(1).arraySync() as number[];
    probs.dispose();
    return best.map((i) => this.tags.at(i) ?? this.tags[0]!);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tags = ['NOUN', 'VERB', 'DET', 'ADJ'] as const;
  const tagger = new GruTagger(tags, 50);
  const sentence = [3, 17, 4, 22, 9];
  const probs = tagger.probabilities(sentence);
  probs.print();
  console.log(tagger.tag(sentence));
  console.log('tensors alive:', tf.memory().numTensors);
  probs.dispose();
}
