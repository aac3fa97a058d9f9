// expect: stale-state
// Dilated RNN (Chang et al., 2017) with exponentially increasing dilations for long-range sequence classification.
import * as tf from '@tensorflow/tfjs';

const DILATIONS = [1, 2, 4, 8, 16];
const UNITS = 48;
const SEQ_LEN = 256;
const IN = 1;
const CLASSES = 2;

class VanillaCell {
  readonly W: tf.Variable<tf.Rank.R2>;
  readonly U: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;

  constructor(inDim: number, readonly units: number) {
    this.W = tf.variable(tf.randomNormal([inDim, units], 0, 1 / Math.sqrt(inDim)));
    this.U = tf.variable(tf.randomNormal([units, units], 0, 1 / Math.sqrt(units)));
    this.b = tf.variable(tf.zeros([units]));
  }

  step(x: tf.Tensor2D, hPrev: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(hPrev, this.U)), this.b));
  }
}

const cells = DILATIONS.map((_, l) => new VanillaCell(l === 0 ? IN : UNITS, UNITS));
const Wo = tf.variable(tf.randomNormal([UNITS, CLASSES], 0, 0.05));
const bo = tf.variable(tf.zeros([CLASSES]));

// Layer with dilation d: h_t = f(x_t, h_{t-d})
function dilatedLayer(cell: VanillaCell, inputs: tf.Tensor2D[], dilation: number): tf.Tensor2D[] {
  const batch = inputs[0].shape[0];
  const zero = tf.zeros([batch, cell.units]) as tf.Tensor2D;
  const ring: tf.Tensor2D[] = [];
  const outputs: tf.Tensor2D[] = [];
  for (const x of inputs) {
    const hPrev = ring.length === dilation ? ring.shift()! : zero;
    const h = cell.step(x, hPrev);
    outputs.push(h);
  }
  return outputs;
}

function classify(xs: tf.Tensor3D): tf.Tensor2D {
  let seq = tf.unstack(xs, 1) as tf.Tensor2D[];
  cells.forEach((cell, l) => {
    seq = dilatedLayer(cell, seq, DILATIONS[l]);
  });
  return tf.add(tf.matMul(seq[seq.length - 1], Wo), bo);
}

// Label = whether the first 16 samples sum to a positive number; the remaining 240 are distractor noise.
function makeBatch(n: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xb = tf.buffer([n, SEQ_LEN, IN]);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let t = 0; t < SEQ_LEN; t++) {
      const val = (Math.random() - 0.5) * 2;
      xb.set(val, i, t, 0);
      if (t < 16) sum += val;
    }
    labels.push(sum > 0 ? 1 : 0);
  }
  return {
    xs: xb.toTensor() as tf.Tensor3D,
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES) as tf.Tensor2D,
  };
}

async function main(): Promise<void> {
  const optimizer = tf.train.rmsprop(1e-3);
  for (let it = 1; it <= 500; it++) {
    const { xs, ys } = makeBatch(32);
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, classify(xs)) as tf.Scalar, true)!;
    if (it % 50 === 0) {
      const { xs: vx, ys: vy } = makeBatch(256);
      const acc = tf.tidy(() =>
        tf.mean(tf.cast(tf.equal(tf.argMax(classify(vx), 1), tf.argMax(vy, 1)), 'float32')),
      );
      console.log(`iter ${it}  loss ${(await loss.data())[0].toFixed(4)}  val acc ${(await acc.data())[0].toFixed(3)}`);
      tf.dispose([vx, vy, acc]);
    }
    tf.dispose([xs, ys, loss]);
  }
}

main();
