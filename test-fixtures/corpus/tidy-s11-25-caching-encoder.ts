// expect: tidy-disposed-state
// Product-title encoder for the search service; CachingTitleEncoder reuses final states for repeated titles.
import * as tf from '@tensorflow/tfjs';

export interface Encoded {
  outputs: tf.Tensor3D;
  final: tf.Tensor2D;
}

export class TitleEncoder {
  protected readonly embed: tf.Variable;
  protected readonly Wx: tf.Variable;
  protected readonly Wh: tf.Variable;

  constructor(readonly vocab: number, readonly units: number) {
    this.embed = tf.variable(tf.randomNormal([vocab, units], 0, 0.5, 'float32', 90));
    this.Wx = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 91));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 92));
  }

  encode(tokens: number[]): Encoded {
    return tf.tidy(() => {
      let h: tf.Tensor2D = tf.zeros([1, this.units]);
      const outs: tf.Tensor2D[] = [];
      for (const tok of tokens) {
        const x = tf.gather(this.embed, [tok]) as tf.Tensor2D;
        h = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
        outs.push(h);
      }
      return { outputs: tf.stack(outs, 1) as tf.Tensor3D, final: h };
    });
  }
}

export class CachingTitleEncoder extends TitleEncoder {
  private readonly cache = new Map<string, tf.Tensor2D>();
  hits = 0;

  private key(tokens: number[]): string {
    return tokens.join(',');
  }

  /** Returns the mean-pooled title vector; final states are cached for the reranker. */
  pooled(tokens: number[]): tf.Tensor2D {
    return tf.tidy(() => {
      const enc = super.encode(tokens);
      this.cache.set(this.key(tokens), enc.final);
      return tf.mean(enc.outputs, 1) as tf.Tensor2D;
    });
  }

  finalState(tokens: number[]): tf.Tensor2D {
    const cached = this.cache.get(this.key(tokens));
    if (cached) {
      this.hits++;
      return cached;
    }
    const enc = this.encode(tokens);
    enc.outputs.dispose();
    const final = tf.keep(enc.final);
    this.cache.set(this.key(tokens), final);
    return final;
  }
}

export function rerankScore(enc: CachingTitleEncoder, query: number[], title: number[]): number {
  return tf.tidy(() => {
    const q = enc.finalState(query);
    const t = enc.finalState(title);
    return tf.sum(tf.mul(q, t)).dataSync()[0];
  });
}

if (require.main === module) {
  const enc = new CachingTitleEncoder(50, 6);
  const titles = [[3, 14, 15], [9, 2, 6, 5], [3, 5, 8]];
  titles.forEach((t) => enc.pooled(t).dispose());
  const query = [3, 14];
  for (const t of titles) {
    console.log('score', rerankScore(enc, query, t).toFixed(4));
  }
}
