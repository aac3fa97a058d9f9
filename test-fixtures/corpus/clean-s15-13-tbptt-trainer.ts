// expect: none
// CLI: fits an RNN to a long synthetic load curve with truncated backprop-through-time over fixed-size windows.
import * as tf from '@tensorflow/tfjs';

interface Args {
  window: number;
  epochs: number;
  lr: number;
  units: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { window: 16, epochs: 3, lr: 0.02, units: 12 };
  for (const token of argv) {
    const m = /^--(\w+)=(.+)$/.exec(token);
    if (!m) throw new Error(`expected --key=value, got "${token}"`);
    const [, key, value] = m;
    if (!(key in args)) throw new Error(`unknown option --${key}`);
    (args as unknown as Record<string, number>)[key] = Number(value);
  }
  return args;
}

function loadCurve(n: number): number[] {
  return Array.from({ length: n }, (_, t) => 0.6 * Math.sin(t / 8) + 0.3 * Math.sin(t / 29) + 0.05 * Math.cos(t / 3));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const series = loadCurve(400);
  const U = args.units;
  const wx = tf.variable(tf.randomNormal([1, U], 0, 0.5, 'float32', 81) as tf.Tensor2D);
  const wh = tf.variable(tf.randomNormal([U, U], 0, 0.2, 'float32', 82) as tf.Tensor2D);
  const bh = tf.variable(tf.zeros([U]) as tf.Tensor1D);
  const wy = tf.variable(tf.randomNormal([U, 1], 0, 0.5, 'float32', 83) as tf.Tensor2D);
  const optimizer = tf.train.adam(args.lr);

  for (let epoch = 0; epoch < args.epochs; epoch++) {
    // Each pass over the series starts from a fresh zero state.
    let carry = tf.zeros([1, U]) as tf.Tensor2D;
    let epochLoss = 0;
    let windows = 0;
    for (let start = 0; start + args.window < series.length; start += args.window) {
      const chunk = series.slice(start, start + args.window + 1);
      let last: tf.Tensor2D | null = null;
      const cost = optimizer.minimize(() => {
        let h = carry;
        const errs: tf.Scalar[] = [];
        for (let t = 0; t < chunk.length - 1; t++) {
          const x = tf.tensor2d([[chunk[t]]]);
          h = tf.tanh(x.matMul(wx).add(h.matMul(wh)).add(bh));
          errs.push(tf.squaredDifference(h.matMul(wy), tf.scalar(chunk[t + 1])).mean() as tf.Scalar);
        }
        last = tf.keep(h);
        return tf.addN(errs).div(errs.length) as tf.Scalar;
      }, true);
      // Truncated BPTT: carry the state *value* into the next window but stop gradients at the
      // window boundary on purpose, so each update only backpropagates through `args.window` steps.
      const boundary = last as tf.Tensor2D | null;
      if (boundary === null) throw new Error('forward pass did not run');
      const detached = tf.tensor2d(boundary.dataSync(), [1, U]);
      tf.dispose([boundary, carry]);
      carry = detached;
      epochLoss += cost ? cost.dataSync()[0] : 0;
      cost?.dispose();
      windows++;
    }
    carry.dispose();
    console.log(`epoch ${epoch + 1}/${args.epochs}  mean window loss ${(epochLoss / windows).toFixed(5)}`);
  }
  console.log(`done, ${tf.memory().numTensors} tensors alive`);
}

if (require.main === module) main();
