// expect: none
// Small layer-stack framework for the parity-bit toy task: sequence layers compose, the trainer backprops through all of them.
import * as tf from '@tensorflow/tfjs';

type Seq = tf.Tensor2D[];

export abstract class SeqLayer {
  abstract readonly outDim: number;
  abstract apply(seq: Seq): Seq;
  abstract variables(): tf.Variable[];
}

export class RNNLayer extends SeqLayer {
  readonly outDim: number;
  protected readonly Wx: tf.Variable;
  protected readonly Wh: tf.Variable;

  constructor(inDim: number, readonly units: number, seed: number) {
    super();
    this.outDim = units;
    this.Wx = tf.variable(tf.randomNormal([inDim, units], 0, 0.5, 'float32', seed));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', seed + 1));
  }

  protected cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
  }

  override apply(seq: Seq): Seq {
    let h: tf.Tensor2D = tf.zeros([seq[0].shape[0], this.units]);
    return seq.map((x) => (h = this.cell(x, h)));
  }

  override variables(): tf.Variable[] {
    return [this.Wx, this.Wh];
  }
}

export class ReversedRNNLayer extends RNNLayer {
  override apply(seq: Seq): Seq {
    return super.apply([...seq].reverse()).reverse();
  }
}

export class Dense {
  readonly W: tf.Variable;
  constructor(inDim: number, outDim: number, seed: number) {
    this.W = tf.variable(tf.randomNormal([inDim, outDim], 0, 0.5, 'float32', seed));
  }
  apply(h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(h, this.W);
  }
}

export class ParityModel {
  readonly layers: SeqLayer[];
  readonly head: Dense;
  private readonly opt: tf.Optimizer = tf.train.adam(0.05);

  constructor() {
    this.layers = [new RNNLayer(1, 8, 1), new ReversedRNNLayer(8, 8, 3)];
    this.head = new Dense(8, 1, 5);
  }

  logits(xs: tf.Tensor3D): tf.Tensor2D {
    const seq = tf.unstack(xs, 1) as Seq;
    const top = this.layers.reduce((s, layer) => layer.apply(s), seq);
    return this.head.apply(top[0]);
  }

  trainStep(xs: tf.Tensor3D, ys: tf.Tensor2D): { loss: number; gradNorms: Record<string, number> } {
    const vars = [...this.layers.flatMap((l) => l.variables()), this.head.W];
    const { value, grads } = tf.variableGrads(
      () => tf.losses.sigmoidCrossEntropy(ys, this.logits(xs)) as tf.Scalar,
      vars,
    );
    this.opt.applyGradients(grads);
    const gradNorms: Record<string, number> = {};
    for (const [name, g] of Object.entries(grads)) gradNorms[name] = tf.norm(g).dataSync()[0];
    const loss = value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
    return { loss, gradNorms };
  }
}

export function parityBatch(n: number, len: number, seed: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const bits: number[] = Array.from({ length: len }, () => (rnd() < 0.5 ? 0 : 1));
    xs.push(bits.map((b) => [b]));
    ys.push([bits.reduce((a, b) => a ^ b, 0)]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

if (require.main === module) {
  const model = new ParityModel();
  for (let step = 0; step < 15; step++) {
    const { xs, ys } = parityBatch(32, 4, step + 1);
    const { loss, gradNorms } = model.trainStep(xs, ys);
    if (step % 5 === 0) console.log(step, loss.toFixed(4), Object.values(gradNorms).map((g) => g.toFixed(3)).join(' '));
    tf.dispose([xs, ys]);
  }
}
