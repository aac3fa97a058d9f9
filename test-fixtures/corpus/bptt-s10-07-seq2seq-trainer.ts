// expect: bptt-cut
// Trains a small GRU encoder-decoder on a sequence-reversal task with teacher forcing.
import * as tf from '@tensorflow/tfjs';

class GRUCell {
  readonly w: tf.Variable<tf.Rank.R2>;
  readonly u: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;

  constructor(inDim: number, readonly units: number) {
    this.w = tf.variable(tf.randomNormal([inDim, 3 * units], 0, 0.2));
    this.u = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.2));
    this.b = tf.variable(tf.zeros([3 * units]));
  }

  forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, this.w), this.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.u), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
  }

  vars(): tf.Variable[] {
    return [this.w, this.u, this.b];
  }
}

class Encoder {
  readonly cell: GRUCell;
  constructor(readonly embedding: tf.Variable, units: number) {
    this.cell = new GRUCell(embedding.shape[1] as number, units);
  }
  encode(src: tf.Tensor2D): tf.Tensor2D {
    const emb = tf.gather(this.embedding, src.toInt()) as tf.Tensor3D;
    let h = tf.zeros([src.shape[0], this.cell.units]) as tf.Tensor2D;
    for (const x of tf.unstack(emb, 1) as tf.Tensor2D[]) h = this.cell.forward(x, h);
    return h;
  }
}

class Decoder {
  readonly cell: GRUCell;
  readonly out: tf.Variable<tf.Rank.R2>;
  constructor(readonly embedding: tf.Variable, units: number, vocab: number) {
    this.cell = new GRUCell(embedding.shape[1] as number, units);
    this.out = tf.variable(tf.randomNormal([units, vocab], 0, 0.2));
  }
  /** Teacher-forced logits: feeds the gold previous token at every step. */
  logits(h0: tf.Tensor2D, tgtIn: tf.Tensor2D): tf.Tensor3D {
    const emb = tf.gather(this.embedding, tgtIn.toInt()) as tf.Tensor3D;
    let h = h0;
    const steps: tf.Tensor2D[] = [];
    for (const x of tf.unstack(emb, 1) as tf.Tensor2D[]) {
      h = this.cell.forward(x, h);
      steps.push(tf.matMul(h, this.out));
    }
    return tf.stack(steps, 1) as tf.Tensor3D;
  }
}

export class Seq2Seq {
  readonly embedding: tf.Variable;
  readonly encoder: Encoder;
  readonly decoder: Decoder;
  private readonly optimizer = tf.train.adam(0.01);

  constructor(readonly vocab: number, dim = 16, units = 32) {
    this.embedding = tf.variable(tf.randomNormal([vocab, dim], 0, 0.3));
    this.encoder = new Encoder(this.embedding, units);
    this.decoder = new Decoder(this.embedding, units, vocab);
  }

  parameters(): tf.Variable[] {
    return [this.embedding, ...this.encoder.cell.vars(), ...this.decoder.cell.vars(), this.decoder.out];
  }

  private sequenceLoss(context: tf.Tensor2D, tgtIn: tf.Tensor2D, tgtOut: tf.Tensor2D): tf.Scalar {
    const logits = this.decoder.logits(context, tgtIn);
    const labels = tf.oneHot(tgtOut.toInt().flatten(), this.vocab);
    return tf.losses.softmaxCrossEntropy(labels, logits.reshape([-1, this.vocab]));
  }

  trainStep(src: tf.Tensor2D, tgtIn: tf.Tensor2D, tgtOut: tf.Tensor2D): number {
    const context = tf.tidy(() => this.encoder.encode(src));
    const loss = this.optimizer.minimize(() => this.sequenceLoss(context, tgtIn, tgtOut), true, this.parameters());
    context.dispose();
    const value = loss!.dataSync()[0];
    loss!.dispose();
    return value;
  }
}

export function makeReversalBatch(batch: number, len: number, vocab: number) {
  const BOS = 0;
  const src: number[][] = [];
  const tgtIn: number[][] = [];
  const tgtOut: number[][] = [];
  for (let i = 0; i < batch; i++) {
    const seq = Array.from({ length: len }, () => 1 + Math.floor(Math.random() * (vocab - 1)));
    const rev = seq.slice().reverse();
    src.push(seq);
    tgtOut.push(rev);
    tgtIn.push([BOS, ...rev.slice(0, -1)]);
  }
  return { src: tf.tensor2d(src), tgtIn: tf.tensor2d(tgtIn), tgtOut: tf.tensor2d(tgtOut) };
}

if (require.main === module) {
  const model = new Seq2Seq(12);
  for (let epoch = 0; epoch < 30; epoch++) {
    const { src, tgtIn, tgtOut } = makeReversalBatch(32, 6, 12);
    const loss = model.trainStep(src, tgtIn, tgtOut);
    tf.dispose([src, tgtIn, tgtOut]);
    if (epoch % 10 === 0) console.log(`epoch ${epoch} loss ${loss.toFixed(4)}`);
  }
}
