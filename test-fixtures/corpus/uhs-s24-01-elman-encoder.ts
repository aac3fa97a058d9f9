// expect: unused-hidden-state
// Encodes tokenised log lines into fixed-size vectors with a small Elman RNN so similar lines cluster together.
import * as tf from '@tensorflow/tfjs';

export type EncoderConfig = {
  vocabSize: number;
  embedDim: number;
  units: number;
  seed: number;
};

const DEFAULTS = { embedDim: 16, units: 32, seed: 7 } as const satisfies Partial<EncoderConfig>;

export class LogLineEncoder {
  readonly #embed: tf.Variable;
  readonly #wx: tf.Variable;
  readonly #wh: tf.Variable;
  readonly #b: tf.Variable;
  readonly config: EncoderConfig;

  constructor(cfg: Pick<EncoderConfig, 'vocabSize'> & Partial<EncoderConfig>) {
    this.config = { ...DEFAULTS, ...cfg };
    const { vocabSize, embedDim, units, seed } = this.config;
    const init = (shape: [number, number], s: number) =>
      tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', s));
    this.#embed = init([vocabSize, embedDim], seed);
    this.#wx = init([embedDim, units], seed + 1);
    this.#wh = init([units, units], seed + 2);
    this.#b = tf.variable(tf.zeros([units]));
  }

  #cell(xt: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const inputPart = tf.matMul(xt, this.#wx);
    const recurrentPart = tf.matMul(h, this.#wh);
    const pre = tf.add(inputPart, this.#b) as tf.Tensor2D;
    return tf.tanh(pre);
  }

  /** Right-aligns every line (left padding with 0) and runs the RNN over it. */
  encode(lines: number[][]): tf.Tensor2D {
    const maxLen = Math.max(...lines.map((l) => l.length));
    const padded = lines.map((l) => [...new Array<number>(maxLen - l.length).fill(0), ...l]);
    return tf.tidy(() => {
      const ids = tf.tensor2d(padded, undefined, 'int32');
      const emb = tf.gather(this.#embed, ids) as tf.Tensor3D; // [batch, time, embed]
      let h: tf.Tensor2D = tf.zeros([lines.length, this.config.units]);
      for (let t = 0; t < maxLen; t++) {
        const xt = emb.slice([0, t, 0], [-1, 1, -1]).squeeze([1]) as tf.Tensor2D;
        h = this.#cell(xt, h);
      }
      return h;
    });
  }

  similarity(a: number[], b: number[]): number {
    return tf.tidy(() => {
      const v = this.encode([a, b]);
      const unit = tf.div(v, tf.norm(v, 'euclidean', 1, true));
      const [x, y] = tf.unstack(unit);
      return tf.sum(tf.mul(x!, y!)).dataSync()[0] ?? 0;
    });
  }

  dispose(): void {
    tf.dispose([this.#embed, this.#wx, this.#wh, this.#b]);
  }
}

const tokenize = (line: string, vocab: Map<string, number>): number[] =>
  line
    .toLowerCase()
    .split(/\W+/)
    .filter(Boolean)
    .map((w) => vocab.get(w) ?? 1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = [
    'disk usage high on node seven',
    'disk usage normal on node seven',
    'user login failed for admin',
    'user login succeeded for admin',
  ];
  const vocab = new Map<string, number>();
  for (const w of corpus.flatMap((l) => l.split(' '))) vocab.set(w, vocab.get(w) ?? vocab.size + 2);

  const enc = new LogLineEncoder({ vocabSize: vocab.size + 2 });
  const ids = corpus.map((l) => tokenize(l, vocab));
  for (const [i, a] of ids.entries()) {
    const row = ids.map((b) => enc.similarity(a, b).toFixed(3));
    console.log(corpus[i]?.padEnd(36), row.join('  '));
  }
  enc.dispose();
}
