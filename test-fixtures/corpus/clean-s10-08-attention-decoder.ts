// expect: none
// Luong-style attention decoder: a GRU step, dot-product attention over the encoder memory, then an attentional output layer.
import * as tf from '@tensorflow/tfjs';

export type Memory = { keys: tf.Tensor3D; mask: tf.Tensor2D };
export type DecoderStep = { probs: tf.Tensor2D; hidden: tf.Tensor2D; alignment: tf.Tensor2D };

abstract class Layer {
  protected readonly vars: tf.Variable[] = [];
  protected weight(shape: number[]): tf.Variable {
    const v = tf.variable(tf.randomNormal(shape, 0, 1 / Math.sqrt(shape[0])));
    this.vars.push(v);
    return v;
  }
  trainableVariables(): tf.Variable[] {
    return this.vars;
  }
}

export class DotAttention extends Layer {
  /** query [B,H], keys [B,T,H], mask [B,T] (1 = real token) -> context [B,H], weights [B,T] */
  forward(query: tf.Tensor2D, memory: Memory): { context: tf.Tensor2D; weights: tf.Tensor2D } {
    const scores = tf.squeeze(tf.matMul(memory.keys, tf.expandDims(query, 2)), [2]) as tf.Tensor2D;
    const masked = tf.add(scores, tf.mul(tf.sub(1, memory.mask), -1e9));
    const weights = tf.softmax(masked) as tf.Tensor2D;
    const context = tf.squeeze(tf.matMul(tf.expandDims(weights, 1), memory.keys), [1]) as tf.Tensor2D;
    return { context, weights };
  }
}

export class AttnDecoder extends Layer {
  private readonly wx: tf.Variable;
  private readonly wh: tf.Variable;
  private readonly wc: tf.Variable;
  private readonly wo: tf.Variable;
  private readonly attention = new DotAttention();

  constructor(readonly embDim: number, readonly units: number, readonly vocab: number) {
    super();
    this.wx = this.weight([embDim, 3 * units]);
    this.wh = this.weight([units, 3 * units]);
    this.wc = this.weight([2 * units, units]);
    this.wo = this.weight([units, vocab]);
  }

  private gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.wx as tf.Tensor2D), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.wh as tf.Tensor2D), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D, memory: Memory): DecoderStep {
    const h = this.gru(input, hidden);
    const { context, weights } = this.attention.forward(h, memory);
    const attentional = tf.tanh(tf.matMul(tf.concat([context, h], 1), this.wc as tf.Tensor2D));
    const probs: tf.Tensor2D = tf.softmax(tf.matMul(attentional, this.wo as tf.Tensor2D));
    return { probs, hidden: h, alignment: weights };
  }
}

/** Greedy decode of `steps` tokens; the encoder memory and its padding mask are the same at every step. */
export function greedyDecode(
  decoder: AttnDecoder,
  embedding: tf.Tensor2D,
  memory: Memory,
  h0: tf.Tensor2D,
  bos: number,
  steps: number,
): { tokens: tf.Tensor2D; alignments: tf.Tensor3D } {
  return tf.tidy(() => {
    const batch = h0.shape[0];
    let prev = tf.fill([batch], bos, 'int32') as tf.Tensor1D;
    let hidden = h0;
    const tokens: tf.Tensor1D[] = [];
    const alignments: tf.Tensor2D[] = [];
    for (let t = 0; t < steps; t++) {
      const x = tf.gather(embedding, prev) as tf.Tensor2D;
      const out = decoder.forward(x, hidden, memory);
      hidden = out.hidden;
      prev = tf.argMax(out.probs, 1) as tf.Tensor1D;
      tokens.push(prev);
      alignments.push(out.alignment);
    }
    return { tokens: tf.stack(tokens, 1) as tf.Tensor2D, alignments: tf.stack(alignments, 1) as tf.Tensor3D };
  });
}

if (require.main === module) {
  const units = 16;
  const dec = new AttnDecoder(8, units, 30);
  const memory: Memory = {
    keys: tf.randomNormal([2, 7, units]) as tf.Tensor3D,
    mask: tf.tensor2d([[1, 1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1]]),
  };
  const { tokens, alignments } = greedyDecode(dec, tf.randomNormal([30, 8]) as tf.Tensor2D, memory, tf.zeros([2, units]), 0, 5);
  tokens.print();
  console.log(alignments.shape);
}
