// expect: state-leak, returns-input-state
// Headline generator: GRU encoder over article embeddings plus a coverage-attention GRU decoder, served batch by batch.
import * as tf from '@tensorflow/tfjs';

export type DecoderState = { h: tf.Tensor2D; coverage: tf.Tensor2D };

const rand = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.2));

abstract class GRUBase {
  protected readonly w: tf.Variable;
  protected readonly u: tf.Variable;
  constructor(inDim: number, readonly units: number) {
    this.w = rand([inDim, 3 * units]);
    this.u = rand([units, 3 * units]);
  }
  protected gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.w as tf.Tensor2D), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.u as tf.Tensor2D), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const n = tf.tanh(tf.add(xn, tf.mul(tf.sigmoid(tf.add(xr, hr)), hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
  }
}

export class ArticleEncoder extends GRUBase {
  private carry: tf.Tensor2D | null = null;

  encode(xs: tf.Tensor3D): { memory: tf.Tensor3D; final: tf.Tensor2D } {
    const batch = xs.shape[0];
    const result = tf.tidy(() => {
      let h = this.carry !== null && this.carry.shape[0] === batch ? this.carry : (tf.zeros([batch, this.units]) as tf.Tensor2D);
      const outs: tf.Tensor2D[] = [];
      for (const x of tf.unstack(xs, 1) as tf.Tensor2D[]) {
        h = this.gru(x, h);
        outs.push(h);
      }
      return { memory: tf.stack(outs, 1) as tf.Tensor3D, final: h };
    });
    if (this.carry !== null) this.carry.dispose();
    this.carry = tf.clone(result.final);
    return result;
  }
}

export class CoverageDecoder extends GRUBase {
  private readonly wq = rand([this.units, this.units]);
  private readonly wcov = rand([1, this.units]);
  private readonly v = rand([this.units, 1]);
  private readonly out: tf.Variable;

  constructor(embDim: number, units: number, vocab: number) {
    super(embDim + units, units);
    this.out = rand([2 * units, vocab]);
  }

  initState(final: tf.Tensor2D, srcLen: number): DecoderState {
    return { h: final, coverage: tf.zeros([final.shape[0], srcLen]) };
  }

  forward(input: tf.Tensor2D, state: DecoderState, memory: tf.Tensor3D): { logits: tf.Tensor2D; state: DecoderState } {
    const [B, T, H] = memory.shape;
    const q = tf.expandDims(tf.matMul(state.h, this.wq as tf.Tensor2D), 1);
    const cov = tf.reshape(tf.matMul(tf.reshape(state.coverage, [B * T, 1]), this.wcov as tf.Tensor2D), [B, T, H]);
    const e = tf.tanh(tf.add(tf.add(memory, q), cov));
    const scores = tf.reshape(tf.matMul(tf.reshape(e, [B * T, H]), this.v as tf.Tensor2D), [B, T]);
    const weights = tf.softmax(scores) as tf.Tensor2D;
    const context = tf.squeeze(tf.matMul(tf.expandDims(weights, 1), memory), [1]) as tf.Tensor2D;
    const h = this.gru(tf.concat([input, context], 1), state.h);
    const logits: tf.Tensor2D = tf.matMul(tf.concat([h, context], 1), this.out as tf.Tensor2D);
    return { logits, state: { ...state, coverage: tf.add(state.coverage, weights) as tf.Tensor2D } };
  }
}

export class HeadlineService {
  readonly encoder = new ArticleEncoder(8, 16);
  readonly decoder = new CoverageDecoder(8, 16, 25);
  readonly embed = rand([25, 8]);

  /** articles: [batch, sentences, 8] embeddings; returns greedy token ids [batch, maxLen]. */
  generate(articles: tf.Tensor3D, maxLen = 6): number[][] {
    const { memory, final } = this.encoder.encode(articles);
    const ids = tf.tidy(() => {
      let state = this.decoder.initState(final, memory.shape[1]);
      let token = tf.zeros([articles.shape[0]], 'int32') as tf.Tensor1D;
      const picked: tf.Tensor1D[] = [];
      for (let t = 0; t < maxLen; t++) {
        const step = this.decoder.forward(tf.gather(this.embed, token) as tf.Tensor2D, state, memory);
        state = step.state;
        token = tf.cast(tf.argMax(step.logits, 1), 'int32') as tf.Tensor1D;
        picked.push(token);
      }
      return tf.stack(picked, 1);
    });
    const out = ids.arraySync() as number[][];
    tf.dispose([ids, memory, final]);
    return out;
  }
}

if (require.main === module) {
  const svc = new HeadlineService();
  const batchA = tf.randomNormal([2, 5, 8]) as tf.Tensor3D;
  console.log(svc.generate(batchA));
  console.log(svc.generate(tf.randomNormal([2, 7, 8]) as tf.Tensor3D));
  console.log(svc.generate(batchA));
}
