// expect: none
// Bahdanau-attention GRU decoder over a padded batch of encoder outputs, used by our Spanish-English translator.
import * as tf from '@tensorflow/tfjs';

export interface EncoderBatch {
  memory: tf.Tensor3D; // [batch, srcLen, units]
  mask: tf.Tensor2D; // [batch, srcLen], 1 = real token, 0 = padding
  final: tf.Tensor2D; // [batch, units]
}

export class AdditiveAttentionDecoder {
  private readonly emb: tf.Tensor2D;
  private readonly wKey: tf.Tensor2D;
  private readonly wQuery: tf.Tensor2D;
  private readonly v: tf.Tensor2D;
  private readonly wGru: tf.Tensor2D;
  private readonly uGru: tf.Tensor2D;
  private readonly wOut: tf.Tensor2D;

  constructor(vocab: number, private readonly units: number, embDim = 8) {
    const r = (shape: [number, number], seed: number) => tf.randomNormal(shape, 0, 0.3, 'float32', seed) as tf.Tensor2D;
    this.emb = r([vocab, embDim], 1);
    this.wKey = r([units, units], 2);
    this.wQuery = r([units, units], 3);
    this.v = r([units, 1], 4);
    this.wGru = r([embDim + units, 3 * units], 5);
    this.uGru = r([units, 3 * units], 6);
    this.wOut = r([2 * units, vocab], 7);
  }

  private attend(h: tf.Tensor2D, keys: tf.Tensor3D, memory: tf.Tensor3D, mask: tf.Tensor2D) {
    const [b, len, u] = keys.shape;
    const q = tf.expandDims(tf.matMul(h, this.wQuery), 1); // [b, 1, u]
    const e = tf.matMul(tf.reshape(tf.tanh(tf.add(keys, q)), [b * len, u]), this.v);
    const scores = tf.add(tf.reshape(e, [b, len]), tf.mul(tf.sub(1, mask), -1e9));
    const weights = tf.softmax(scores); // [b, len]
    const context = tf.squeeze(tf.matMul(tf.expandDims(weights, 1), memory), [1]) as tf.Tensor2D;
    return { context, weights: weights as tf.Tensor2D };
  }

  private gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.wGru), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.uGru), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
  }

  /** Greedy decode for the whole batch; memory and mask stay fixed, only h moves. */
  decode(enc: EncoderBatch, bos: number, steps: number): { tokens: number[][]; attention: number[][][] } {
    return tf.tidy(() => {
      const [b, len, u] = enc.memory.shape;
      const keys = tf.reshape(tf.matMul(tf.reshape(enc.memory, [b * len, u]), this.wKey), [b, len, u]) as tf.Tensor3D;
      let h = enc.final;
      let prev = new Array<number>(b).fill(bos);
      const tokens: number[][] = Array.from({ length: b }, () => []);
      const attention: number[][][] = [];
      for (let t = 0; t < steps; t++) {
        const { context, weights } = this.attend(h, keys, enc.memory, enc.mask);
        const x = tf.concat([tf.gather(this.emb, prev), context], 1) as tf.Tensor2D;
        h = this.gru(x, h);
        const logits = tf.matMul(tf.concat([h, context], 1), this.wOut);
        prev = Array.from(tf.argMax(logits, 1).dataSync());
        prev.forEach((id, i) => tokens[i].push(id));
        attention.push(weights.arraySync());
      }
      return { tokens, attention };
    });
  }
}

if (require.main === module) {
  const units = 12;
  const memory = tf.randomNormal([2, 5, units], 0, 1, 'float32', 11) as tf.Tensor3D;
  const mask = tf.tensor2d([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]]);
  const final = tf.tanh(tf.mean(memory, 1)) as tf.Tensor2D;
  const dec = new AdditiveAttentionDecoder(20, units);
  const { tokens, attention } = dec.decode({ memory, mask, final }, 1, 4);
  console.log(tokens, attention[0][1].map((w) => w.toFixed(2)));
}
