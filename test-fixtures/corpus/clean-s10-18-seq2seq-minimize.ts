// expect: none
// Cho-style encoder-decoder (context vector fed to every decoder step) trained on digit-sequence sorting with teacher forcing.
import * as tf from '@tensorflow/tfjs';

type Params = Record<string, tf.Variable>;

function makeParams(spec: Record<string, number[]>): Params {
  const out: Params = {};
  for (const [name, shape] of Object.entries(spec)) {
    out[name] = tf.variable(tf.randomNormal(shape, 0, 0.15), true, name);
  }
  return out;
}

function mm(a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);
}

export class SortSeq2Seq {
  readonly p: Params;
  private readonly opt = tf.train.rmsprop(0.01);

  constructor(readonly vocab: number, readonly emb = 10, readonly units = 32) {
    this.p = makeParams({
      embed: [vocab, emb],
      encW: [emb, units],
      encU: [units, units],
      decW: [emb, units],
      decU: [units, units],
      decC: [units, units],
      outW: [units, vocab],
    });
  }

  private encoderStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(mm(x, this.p.encW), mm(h, this.p.encU)));
  }

  /** s_t = tanh(W y_{t-1} + U s_{t-1} + C c): the context c is the same at every step. */
  private decoderStep(y: tf.Tensor2D, s: tf.Tensor2D, context: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.addN([mm(y, this.p.decW), mm(s, this.p.decU), mm(context, this.p.decC)]));
  }

  private lookup(ids: tf.Tensor2D): tf.Tensor2D[] {
    return tf.unstack(tf.gather(this.p.embed, ids), 1) as tf.Tensor2D[];
  }

  private loss(src: tf.Tensor2D, tgtIn: tf.Tensor2D, tgtOut: tf.Tensor2D): tf.Scalar {
    let h = tf.zeros([src.shape[0], this.units]) as tf.Tensor2D;
    for (const x of this.lookup(src)) h = this.encoderStep(x, h);
    const context = h;

    let s = context;
    const logits: tf.Tensor2D[] = [];
    for (const y of this.lookup(tgtIn)) {
      s = this.decoderStep(y, s, context);
      logits.push(mm(s, this.p.outW));
    }
    const flat = tf.stack(logits, 1).reshape([-1, this.vocab]);
    return tf.losses.softmaxCrossEntropy(tf.oneHot(tgtOut.flatten(), this.vocab), flat);
  }

  fit(batch: { src: tf.Tensor2D; tgtIn: tf.Tensor2D; tgtOut: tf.Tensor2D }): number {
    const cost = this.opt.minimize(() => this.loss(batch.src, batch.tgtIn, batch.tgtOut), true);
    const v = cost!.dataSync()[0];
    cost!.dispose();
    return v;
  }
}

export function sortingBatch(n: number, len: number, vocab: number) {
  const GO = 0;
  const src: number[][] = [];
  const tgtIn: number[][] = [];
  const tgtOut: number[][] = [];
  for (let i = 0; i < n; i++) {
    const seq = Array.from({ length: len }, () => 1 + Math.floor(Math.random() * (vocab - 1)));
    const sorted = seq.slice().sort((a, b) => a - b);
    src.push(seq);
    tgtIn.push([GO, ...sorted.slice(0, -1)]);
    tgtOut.push(sorted);
  }
  return {
    src: tf.tensor2d(src, undefined, 'int32'),
    tgtIn: tf.tensor2d(tgtIn, undefined, 'int32'),
    tgtOut: tf.tensor2d(tgtOut, undefined, 'int32'),
  };
}

if (require.main === module) {
  const model = new SortSeq2Seq(10);
  for (let it = 0; it <= 60; it++) {
    const batch = sortingBatch(32, 5, 10);
    const l = model.fit(batch);
    tf.dispose(batch);
    if (it % 20 === 0) console.log(`iter ${it} loss ${l.toFixed(3)}`);
  }
}
