// expect: returns-input-state
// Layer-normalised simple RNN cell for tf.layers.rnn; call() computes hNext but returns [hNext, h], handing the incoming state back to the RNN wrapper as the new state.
import * as tf from '@tensorflow/tfjs';

export class LayerNormRNNCell extends tf.layers.RNNCell {
  static className = 'LayerNormRNNCell';
  readonly units: number;
  readonly epsilon: number;
  stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private gamma!: tf.LayerVariable;
  private beta!: tf.LayerVariable;

  constructor(args: { units: number; epsilon?: number; name?: string }) {
    super({ name: args.name });
    this.units = args.units;
    this.epsilon = args.epsilon ?? 1e-5;
    this.stateSize = this.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = s[s.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inDim, this.units], undefined,
      tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], undefined,
      tf.initializers.orthogonal({ gain: 1 }));
    this.gamma = this.addWeight('gamma', [this.units], undefined, tf.initializers.ones());
    this.beta = this.addWeight('beta', [this.units], undefined, tf.initializers.zeros());
    this.built = true;
  }

  private layerNorm(z: tf.Tensor2D): tf.Tensor2D {
    const { mean, variance } = tf.moments(z, -1, true);
    const normed = tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, this.epsilon)));
    return tf.add(tf.mul(normed, this.gamma.read()), this.beta.read()) as tf.Tensor2D;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor2D[];
      const z = tf.add(
        tf.matMul(x, this.kernel.read() as tf.Tensor2D),
        tf.matMul(h, this.recurrentKernel.read() as tf.Tensor2D),
      ) as tf.Tensor2D;
      const hNext = tf.tanh(this.layerNorm(z));
      return [hNext, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, epsilon: this.epsilon };
  }
}
tf.serialization.registerClass(LayerNormRNNCell);

export function buildForecaster(lookback: number, features: number): tf.LayersModel {
  const input = tf.input({ shape: [lookback, features] });
  const encoded = tf.layers
    .rnn({ cell: new LayerNormRNNCell({ units: 32 }), returnSequences: false })
    .apply(input) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ units: 16, activation: 'relu' }).apply(encoded);
  const out = tf.layers.dense({ units: 1 }).apply(hidden) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanAbsoluteError' });
  return model;
}

export async function fitForecaster(series: number[], lookback = 24): Promise<tf.LayersModel> {
  const windows: number[][][] = [];
  const targets: number[] = [];
  for (let i = 0; i + lookback < series.length; i++) {
    windows.push(series.slice(i, i + lookback).map((v) => [v]));
    targets.push(series[i + lookback]);
  }
  const xs = tf.tensor3d(windows);
  const ys = tf.tensor2d(targets, [targets.length, 1]);
  const model = buildForecaster(lookback, 1);
  await model.fit(xs, ys, { epochs: 20, batchSize: 32, validationSplit: 0.2 });
  tf.dispose([xs, ys]);
  return model;
}
