// expect: unused-hidden-state
// Bahdanau-style attention decoder wrapped in a class with an options object, used for greedy transliteration; step() builds the attention query and the new hidden from the token embedding and context only, so state.hidden is dropped.
import * as tf from '@tensorflow/tfjs';

export interface DecoderOptions {
  vocabSize: number;
  embedDim: number;
  hiddenDim: number;
  maxLength?: number;
  onToken?: (id: number, step: number) => void;
}

export interface DecoderState {
  hidden: tf.Tensor2D;
  lastAttention?: tf.Tensor2D;
}

export class AttentionDecoder {
  private readonly opts: Required<Omit<DecoderOptions, 'onToken'>> & Pick<DecoderOptions, 'onToken'>;
  private readonly embedding: tf.Variable<tf.Rank.R2>;
  private readonly Wq: tf.Variable<tf.Rank.R2>;
  private readonly Wk: tf.Variable<tf.Rank.R2>;
  private readonly v: tf.Variable<tf.Rank.R2>;
  private readonly Wh: tf.Variable<tf.Rank.R2>;
  private readonly Wout: tf.Variable<tf.Rank.R2>;

  constructor(options: DecoderOptions) {
    this.opts = { maxLength: 32, ...options };
    const { vocabSize, embedDim, hiddenDim } = this.opts;
    const rnd = (shape: [number, number]) => tf.variable(tf.randomNormal(shape, 0, 0.08)) as tf.Variable<tf.Rank.R2>;
    this.embedding = rnd([vocabSize, embedDim]);
    this.Wq = rnd([embedDim, hiddenDim]);
    this.Wk = rnd([hiddenDim, hiddenDim]);
    this.v = rnd([hiddenDim, 1]);
    this.Wh = rnd([embedDim + hiddenDim, hiddenDim]);
    this.Wout = rnd([hiddenDim, vocabSize]);
  }

  initialState(encoderFinal: tf.Tensor2D): DecoderState {
    return { hidden: tf.clone(encoderFinal) };
  }

  step(token: tf.Tensor1D, state: DecoderState, encoderOutputs: tf.Tensor3D): { logits: tf.Tensor2D; state: DecoderState } {
    return tf.tidy(() => {
      const emb = tf.gather(this.embedding, token) as tf.Tensor2D;
      const [batch, srcLen, hid] = encoderOutputs.shape;
      const keys = tf.matMul(encoderOutputs.reshape([batch * srcLen, hid]), this.Wk).reshape([batch, srcLen, hid]);
      const query = tf.matMul(emb, this.Wq).expandDims(1);
      const energy = tf.tanh(keys.add(query));
      const scores = tf.matMul(energy.reshape([batch * srcLen, hid]), this.v).reshape([batch, srcLen]);
      const attn = tf.softmax(scores) as tf.Tensor2D;
      const context = tf.sum(encoderOutputs.mul(attn.expandDims(2)), 1) as tf.Tensor2D;
      const hidden = tf.tanh(tf.matMul(tf.concat([emb, context], 1), this.Wh)) as tf.Tensor2D;
      const logits = tf.matMul(hidden, this.Wout) as tf.Tensor2D;
      return { logits, state: { hidden, lastAttention: attn } };
    });
  }

  greedyDecode(encoderOutputs: tf.Tensor3D, encoderFinal: tf.Tensor2D, bosId: number, eosId: number): number[] {
    let state = this.initialState(encoderFinal);
    let token = tf.tensor1d([bosId], 'int32');
    const result: number[] = [];
    for (let t = 0; t < this.opts.maxLength; t++) {
      const { logits, state: next } = this.step(token, state, encoderOutputs);
      const id = logits.argMax(1).dataSync()[0];
      tf.dispose([token, logits, state.hidden, state.lastAttention ?? []]);
      state = next;
      token = tf.tensor1d([id], 'int32');
      this.opts.onToken?.(id, t);
      if (id === eosId) break;
      result.push(id);
    }
    tf.dispose([token, state.hidden, state.lastAttention ?? []]);
    return result;
  }

  dispose(): void {
    tf.dispose([this.embedding, this.Wq, this.Wk, this.v, this.Wh, this.Wout]);
  }
}
