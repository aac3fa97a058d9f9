// expect: none
// Luong-style attention decoder for summarisation with a coverage vector: step() scores encoder outputs against state.hidden, updates both hidden and coverage, and the decode loop adopts the returned state each step while disposing the old one.
import * as tf from '@tensorflow/tfjs';

export interface AttnState { hidden: tf.Tensor2D; coverage: tf.Tensor2D }

export interface AttnDecoderConfig {
  vocab: number;
  embed: number;
  hidden: number;
  coverageWeight?: number;
}

export class CoverageAttentionDecoder {
  readonly vars: Record<'E' | 'Wa' | 'Wc' | 'Wx' | 'Wh' | 'Wo', tf.Variable>;

  constructor(private readonly cfg: AttnDecoderConfig) {
    const { vocab, embed, hidden } = cfg;
    const v = (s: number[]) => tf.variable(tf.randomNormal(s, 0, 0.05));
    this.vars = {
      E: v([vocab, embed]), Wa: v([hidden, hidden]), Wc: v([2 * hidden, hidden]),
      Wx: v([embed + hidden, hidden]), Wh: v([hidden, hidden]), Wo: v([hidden, vocab]),
    };
  }

  start(encoderFinal: tf.Tensor2D, srcLen: number): AttnState {
    return { hidden: tf.clone(encoderFinal), coverage: tf.zeros([encoderFinal.shape[0], srcLen]) };
  }

  step(token: tf.Tensor1D, state: AttnState, enc: tf.Tensor3D): { logits: tf.Tensor2D; state: AttnState } {
    const V = this.vars;
    const emb = tf.gather(V.E, token) as tf.Tensor2D;
    const xIn = tf.concat([emb, state.hidden], 1);
    const hidden = tf.tanh(tf.matMul(xIn, V.Wx as tf.Tensor2D).add(tf.matMul(state.hidden, V.Wh as tf.Tensor2D))) as tf.Tensor2D;
    const query = tf.matMul(hidden, V.Wa as tf.Tensor2D).expandDims(2);
    const raw = tf.matMul(enc, query).squeeze([2]);
    const scores = raw.sub(state.coverage.mul(this.cfg.coverageWeight ?? 1.0));
    const attn = tf.softmax(scores) as tf.Tensor2D;
    const context = tf.matMul(attn.expandDims(1), enc).squeeze([1]) as tf.Tensor2D;
    const attentional = tf.tanh(tf.matMul(tf.concat([context, hidden], 1), V.Wc as tf.Tensor2D)) as tf.Tensor2D;
    const logits = tf.matMul(attentional, V.Wo as tf.Tensor2D) as tf.Tensor2D;
    return { logits, state: { hidden, coverage: state.coverage.add(attn) as tf.Tensor2D } };
  }

  summarise(enc: tf.Tensor3D, encoderFinal: tf.Tensor2D, bos: number, eos: number, maxLen = 60): number[] {
    let state = this.start(encoderFinal, enc.shape[1]);
    let prev = bos;
    const out: number[] = [];
    for (let t = 0; t < maxLen; t++) {
      const { id, next } = tf.tidy(() => {
        const r = this.step(tf.tensor1d([prev], 'int32'), state, enc);
        return { id: r.logits.argMax(1).dataSync()[0], next: { hidden: tf.keep(r.state.hidden), coverage: tf.keep(r.state.coverage) } };
      });
      tf.dispose([state.hidden, state.coverage]);
      state = next;
      if (id === eos) break;
      out.push(id);
      prev = id;
    }
    tf.dispose([state.hidden, state.coverage]);
    return out;
  }
}
