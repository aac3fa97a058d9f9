// expect: unused-hidden-state
// Layer-normalised recurrent cell for tf.layers.rnn, used to forecast the next value of a sensor trace.
import * as tf from '@tensorflow/tfjs';

function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps = 1e-5): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  const normed = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps)));
  return tf.add(tf.mul(normed, gamma), beta);
}

export class LayerNormRNNCell extends tf.layers.Layer {
  static className = 'LayerNormRNNCell';
  stateSize: number;
  dropoutMask: tf.Tensor | tf.Tensor[] = [];
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] = [];
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private gamma!: tf.LayerVariable;
  private beta!: tf.LayerVariable;

  constructor(private readonly units: number, private readonly useNorm = true) {
    super({});
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32',
      tf.initializers.orthogonal({ gain: 1 }));
    this.gamma = this.addWeight('gamma', [this.units], 'float32', tf.initializers.ones());
    this.beta = this.addWeight('beta', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor2D[];
      const recurrent = tf.matMul(hPrev, this.recurrentKernel.read() as tf.Tensor2D);
      const projected = tf.matMul(x, this.kernel.read() as tf.Tensor2D);
      const pre = this.useNorm
        ? layerNorm(projected, this.gamma.read(), this.beta.read())
        : tf.add(projected, this.beta.read());
      const h = tf.tanh(pre);
      if (recurrent.shape[1] !== h.shape[1]) {
        throw new Error(`state width ${recurrent.shape[1]} != ${h.shape[1]}`);
      }
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, useNorm: this.useNorm };
  }
}
tf.serialization.registerClass(LayerNormRNNCell);

function windows(series: number[], len: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i + len < series.length; i++) {
    xs.push(series.slice(i, i + len).map((v) => [v]));
    ys.push([series[i + len]]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

async function main(): Promise<void> {
  const series = Array.from({ length: 400 }, (_, t) => Math.sin(t / 8) + 0.3 * Math.sin(t / 3));
  const { xs, ys } = windows(series, 20);

  const model = tf.sequential({
    layers: [
      tf.layers.rnn({ cell: new LayerNormRNNCell(24), inputShape: [20, 1] }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });
  const hist = await model.fit(xs, ys, { epochs: 8, batchSize: 32, shuffle: true, verbose: 0 });
  console.log('mse', hist.history['loss'].map((v) => Number(v).toFixed(4)).join(' '));

  const lastWindow = tf.tensor3d([series.slice(-20).map((v) => [v])]);
  const next = model.predict(lastWindow) as tf.Tensor;
  console.log('next value', (await next.data())[0]);
  tf.dispose([xs, ys, lastWindow, next]);
}

main();
