// expect: unused-hidden-state
// A small Keras-style Elman RNN classifier with its own fit(dataset) loop, used to detect rising trends in short series.
import * as tf from '@tensorflow/tfjs';

type Logs = { loss: number; acc: number };
type FitOptions = {
  epochs: number;
  callbacks?: { onEpochBegin?: (epoch: number) => void; onEpochEnd?: (epoch: number, logs: Logs) => void };
};

export class ElmanClassifier {
  readonly kernel: tf.Variable;
  readonly recurrentKernel: tf.Variable;
  readonly bias: tf.Variable;
  readonly dense: tf.Variable;
  private readonly optimizer = tf.train.adam(0.01);

  constructor(inputDim: number, readonly units: number) {
    this.kernel = tf.variable(tf.randomNormal([inputDim, units], 0, 0.4));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units], 0, 0.2));
    this.bias = tf.variable(tf.zeros([units]));
    this.dense = tf.variable(tf.randomNormal([units, 1], 0, 0.3));
  }

  cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const pre = tf.matMul(x, this.kernel).add(this.bias);
    pre.add(tf.matMul(h, this.recurrentKernel));
    return pre.tanh() as tf.Tensor2D;
  }

  call(xs: tf.Tensor3D): tf.Tensor2D {
    const [batch, steps, dim] = xs.shape;
    let h = tf.zeros([batch, this.units]) as tf.Tensor2D;
    for (let t = 0; t < steps; t++) {
      h = this.cell(xs.slice([0, t, 0], [batch, 1, dim]).reshape([batch, dim]), h);
    }
    return h.matMul(this.dense) as tf.Tensor2D;
  }

  async fit(ds: tf.data.Dataset<tf.TensorContainer>, opts: FitOptions): Promise<Logs[]> {
    const history: Logs[] = [];
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      opts.callbacks?.onEpochBegin?.(epoch);
      let loss = 0;
      let acc = 0;
      let batches = 0;
      await ds.forEachAsync((b) => {
        const { xs, ys } = b as { xs: tf.Tensor3D; ys: tf.Tensor2D };
        const cost = this.optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(ys, this.call(xs)) as tf.Scalar, true)!;
        loss += cost.dataSync()[0];
        acc += tf.tidy(() => tf.metrics.binaryAccuracy(ys, tf.sigmoid(this.call(xs))).mean().dataSync()[0]);
        batches++;
        tf.dispose([cost, xs, ys]);
      });
      const logs = { loss: loss / batches, acc: acc / batches };
      history.push(logs);
      opts.callbacks?.onEpochEnd?.(epoch, logs);
    }
    return history;
  }
}

function trendSeries(n: number, len: number) {
  return Array.from({ length: n }, () => {
    const rising = Math.random() < 0.5;
    const slope = (rising ? 1 : -1) * (0.05 + Math.random() * 0.1);
    let v = Math.random();
    const xs = Array.from({ length: len }, () => [(v += slope + (Math.random() - 0.5) * 0.3)]);
    // express every series relative to its latest reading
    const last = xs[len - 1][0];
    return { xs: xs.map(([x]) => [x - last]), ys: [rising ? 1 : 0] };
  });
}

export async function run(): Promise<Logs[]> {
  const model = new ElmanClassifier(1, 16);
  const ds = tf.data.array(trendSeries(400, 12)).shuffle(400).batch(32);
  let started = 0;
  return model.fit(ds, {
    epochs: 8,
    callbacks: {
      onEpochBegin: () => {
        started = Date.now();
      },
      onEpochEnd: (epoch, logs) =>
        console.log(`epoch ${epoch + 1} loss=${logs.loss.toFixed(4)} acc=${logs.acc.toFixed(3)} (${Date.now() - started} ms)`),
    },
  });
}

if (require.main === module) {
  void run();
}
