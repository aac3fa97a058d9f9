// expect: none
// Abstract decoder with a template-method greedy loop, and an attention-conditioned GRU-style implementation.
import * as tf from '@tensorflow/tfjs';

export interface DecodeOptions {
  maxLen?: number;
  endToken?: number;
}

/**
 * Subclasses supply one step; the base class owns the decode loop.
 * `context` is the fixed encoder summary and is the same at every step.
 */
export abstract class GreedyDecoder<S> {
  protected abstract start(context: tf.Tensor2D): S;
  protected abstract step(token: tf.Tensor1D, state: S, context: tf.Tensor2D): { probs: tf.Tensor2D; state: S };
  protected abstract release(state: S): void;

  decode(startToken: number, context: tf.Tensor2D, options: DecodeOptions = {}): number[][] {
    const maxLen = options.maxLen ?? 12;
    const endToken = options.endToken ?? -1;
    const batch = context.shape[0];
    const rows: number[][] = Array.from({ length: batch }, () => []);
    let state = this.start(context);
    let token: tf.Tensor1D = tf.fill([batch], startToken, 'int32');
    for (let t = 0; t < maxLen; t++) {
      const { probs, state: next } = this.step(token, state, context);
      this.release(state);
      state = next;
      token.dispose();
      token = tf.argMax(probs, 1) as tf.Tensor1D;
      probs.dispose();
      const ids = token.arraySync();
      ids.forEach((id, b) => rows[b].push(id));
      if (ids.every(id => id === endToken)) break;
    }
    this.release(state);
    token.dispose();
    return rows;
  }
}

export interface AttnDecoderConfig {
  vocab: number;
  units: number;
  contextDim: number;
  seed?: number;
}

export class ContextGruDecoder extends GreedyDecoder<tf.Tensor2D> {
  private readonly embed: tf.Tensor2D;
  private readonly w: tf.Tensor2D;
  private readonly u: tf.Tensor2D;
  private readonly wc: tf.Tensor2D;
  private readonly wInit: tf.Tensor2D;
  private readonly wOut: tf.Tensor2D;

  constructor(private readonly cfg: AttnDecoderConfig) {
    super();
    const s = cfg.seed ?? 90;
    const n = (shape: [number, number], k: number): tf.Tensor2D =>
      tf.randomNormal(shape, 0, 0.3, 'float32', s + k) as tf.Tensor2D;
    this.embed = n([cfg.vocab, cfg.units], 0);
    this.w = n([cfg.units, 2 * cfg.units], 1);
    this.u = n([cfg.units, 2 * cfg.units], 2);
    this.wc = n([cfg.contextDim, 2 * cfg.units], 3);
    this.wInit = n([cfg.contextDim, cfg.units], 4);
    this.wOut = n([cfg.units, cfg.vocab], 5);
  }

  protected start(context: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.tanh(context.matMul(this.wInit)) as tf.Tensor2D);
  }

  protected step(token: tf.Tensor1D, h: tf.Tensor2D, context: tf.Tensor2D) {
    return tf.tidy(() => {
      const x = tf.gather(this.embed, token);
      const pre = x.matMul(this.w).add(h.matMul(this.u)).add(context.matMul(this.wc));
      const [zPre, cPre] = tf.split(pre, 2, 1);
      const z = tf.sigmoid(zPre);
      const candidate = tf.tanh(cPre);
      const next = z.mul(h).add(tf.sub(1, z).mul(candidate)) as tf.Tensor2D;
      const probs = tf.softmax(next.matMul(this.wOut)) as tf.Tensor2D;
      return { probs, state: next };
    });
  }

  protected release(state: tf.Tensor2D): void {
    state.dispose();
  }

  get vocabSize(): number {
    return this.cfg.vocab;
  }
}
