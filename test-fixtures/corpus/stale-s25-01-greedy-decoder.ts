// expect: stale-state
// Small French-to-English translator: LSTM encoder, LSTM decoder seeded with the encoder's (h, c), greedy decoding.
import * as tf from '@tensorflow/tfjs';

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export const BOS = 1;
export const EOS = 2;

export class LstmCell {
  readonly kernel: tf.Variable;
  readonly recurrentKernel: tf.Variable;
  readonly bias: tf.Variable;

  constructor(inputDim: number, readonly units: number, seed: number) {
    this.kernel = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.3, 'float32', seed));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1));
    this.bias = tf.variable(tf.zeros([4 * units]));
  }

  zeroState(): LstmState {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  step(x: tf.Tensor2D, state: LstmState): LstmState {
    const z = tf.add(
      tf.add(tf.matMul(x, this.kernel as tf.Tensor2D), tf.matMul(state.h, this.recurrentKernel as tf.Tensor2D)),
      this.bias,
    ) as tf.Tensor2D;
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(f), state.c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    const h = tf.mul(tf.sigmoid(o), tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  }
}

export class Translator {
  private readonly srcEmbedding: tf.Variable;
  private readonly tgtEmbedding: tf.Variable;
  private readonly encoder: LstmCell;
  readonly decoder: LstmCell;
  private readonly outW: tf.Variable;
  private readonly outB: tf.Variable;

  constructor(srcVocab: number, tgtVocab: number, embDim = 16, units = 24) {
    this.srcEmbedding = tf.variable(tf.randomNormal([srcVocab, embDim], 0, 0.5, 'float32', 11));
    this.tgtEmbedding = tf.variable(tf.randomNormal([tgtVocab, embDim], 0, 0.5, 'float32', 12));
    this.encoder = new LstmCell(embDim, units, 20);
    this.decoder = new LstmCell(embDim, units, 30);
    this.outW = tf.variable(tf.randomNormal([units, tgtVocab], 0, 0.4, 'float32', 40));
    this.outB = tf.variable(tf.zeros([tgtVocab]));
  }

  private embed(table: tf.Variable, id: number): tf.Tensor2D {
    return tf.gather(table, [id]) as tf.Tensor2D;
  }

  encode(srcIds: number[]): LstmState {
    let state = this.encoder.zeroState();
    for (const id of srcIds) {
      state = this.encoder.step(this.embed(this.srcEmbedding, id), state);
    }
    return state;
  }

  translate(srcIds: number[], maxLen = 16): number[] {
    return tf.tidy(() => {
      const state = this.encode(srcIds);
      const result: number[] = [];
      let prev = BOS;
      for (let t = 0; t < maxLen; t++) {
        const x = this.embed(this.tgtEmbedding, prev);
        const { h } = this.decoder.step(x, state);
        const logits = tf.add(tf.matMul(h, this.outW as tf.Tensor2D), this.outB);
        prev = tf.argMax(logits, 1).dataSync()[0];
        if (prev === EOS) break;
        result.push(prev);
      }
      return result;
    });
  }
}

export const SRC_WORDS = ['<pad>', '<s>', '</s>', 'le', 'chat', 'noir', 'dort', 'sur', 'la', 'table'];
export const TGT_WORDS = ['<pad>', '<s>', '</s>', 'the', 'black', 'cat', 'sleeps', 'on', 'table', 'a'];

if (require.main === module) {
  const model = new Translator(SRC_WORDS.length, TGT_WORDS.length);
  const sentence = 'le chat noir dort sur la table'.split(' ').map((w) => SRC_WORDS.indexOf(w));
  const ids = model.translate(sentence);
  console.log(ids.map((id) => TGT_WORDS[id]).join(' '));
}
