// expect: none
// Attention decoder for the address normaliser: the base decoder drives steps, the attentive subclass adds context.
import * as tf from '@tensorflow/tfjs';

export interface DecoderState {
  h: tf.Tensor2D;
}

export interface Memory {
  keys: tf.Tensor3D; // [batch, srcLen, units]
  mask: tf.Tensor2D; // [batch, srcLen], 1 = real token
}

export class Decoder {
  protected readonly Wx: tf.Variable;
  protected readonly Wh: tf.Variable;
  protected readonly Wo: tf.Variable;

  constructor(readonly embDim: number, readonly units: number, readonly vocab: number) {
    this.Wx = tf.variable(tf.randomNormal([embDim, units], 0, 0.3, 'float32', 1));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 2));
    this.Wo = tf.variable(tf.randomNormal([units, vocab], 0, 0.3, 'float32', 3));
  }

  protected step(x: tf.Tensor2D, s: DecoderState, _mem: Memory): { logits: tf.Tensor2D; next: DecoderState } {
    const h = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(s.h, this.Wh))) as tf.Tensor2D;
    return { logits: tf.matMul(h, this.Wo), next: { h } };
  }

  decode(inputs: tf.Tensor3D, init: DecoderState, mem: Memory): tf.Tensor3D {
    return tf.tidy(() => {
      const frames = tf.unstack(inputs, 1) as tf.Tensor2D[];
      let state = init;
      const logits: tf.Tensor2D[] = [];
      for (const x of frames) {
        const r = this.step(x, state, mem);
        logits.push(r.logits);
        state = r.next;
      }
      return tf.stack(logits, 1) as tf.Tensor3D;
    });
  }
}

export class AttentiveDecoder extends Decoder {
  private readonly Wc: tf.Variable;

  constructor(embDim: number, units: number, vocab: number) {
    super(embDim, units, vocab);
    this.Wc = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 4));
  }

  private attend(h: tf.Tensor2D, mem: Memory): tf.Tensor2D {
    const scores = tf.squeeze(tf.matMul(mem.keys, tf.expandDims(h, 2)), [2]);
    const masked = tf.add(scores, tf.mul(tf.sub(1, mem.mask), -1e9));
    const weights = tf.softmax(masked, -1);
    return tf.squeeze(tf.matMul(tf.expandDims(weights, 1), mem.keys), [1]) as tf.Tensor2D;
  }

  protected override step(x: tf.Tensor2D, s: DecoderState, mem: Memory) {
    const base = super.step(x, s, mem);
    const ctx = this.attend(base.next.h, mem);
    const h = tf.tanh(tf.add(base.next.h, tf.matMul(ctx, this.Wc))) as tf.Tensor2D;
    return { logits: tf.matMul(h, this.Wo) as tf.Tensor2D, next: { h } };
  }
}

if (require.main === module) {
  const dec = new AttentiveDecoder(4, 6, 10);
  const mem: Memory = {
    keys: tf.randomNormal([2, 5, 6], 0, 1, 'float32', 9) as tf.Tensor3D,
    mask: tf.tensor2d([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]]),
  };
  const inputs = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 8) as tf.Tensor3D;
  const out = dec.decode(inputs, { h: tf.zeros([2, 6]) }, mem);
  console.log(out.shape);
  tf.softmax(out).argMax(-1).print();
}
