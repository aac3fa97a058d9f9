// expect: none
// Residual Elman RNNCell whose call() rebinds the destructured `state` variable to the updated value and returns [state, state]; both entries are the new state (output == state).
import * as tf from '@tensorflow/tfjs';

export class ResidualRNNCell extends tf.layers.RNNCell {
  static className = 'ResidualRNNCell';
  stateSize: number;
  readonly units: number;
  readonly residualScale: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(cfg: { units: number; residualScale?: number; name?: string }) {
    super({ name: cfg.name });
    this.units = cfg.units;
    this.stateSize = cfg.units;
    this.residualScale = cfg.residualScale ?? 0.5;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotNormal({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32',
      tf.initializers.identity({ gain: 0.5 }));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      let [x, state] = inputs as tf.Tensor2D[];
      const update = tf.tanh(
        tf.add(
          tf.add(tf.matMul(x, this.kernel.read() as tf.Tensor2D), tf.matMul(state, this.recurrentKernel.read() as tf.Tensor2D)),
          this.bias.read(),
        ),
      ) as tf.Tensor2D;
      // residual connection on the state: s_t = a * s_{t-1} + (1 - a) * update
      state = tf.add(tf.mul(state, this.residualScale), tf.mul(update, 1 - this.residualScale)) as tf.Tensor2D;
      return [state, state];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, residualScale: this.residualScale };
  }
}
tf.serialization.registerClass(ResidualRNNCell);

export function buildModel(features: number, classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.masking({ maskValue: 0, inputShape: [null, features] }));
  model.add(tf.layers.rnn({ cell: new ResidualRNNCell({ units: 32 }), returnSequences: true }));
  model.add(tf.layers.rnn({ cell: new ResidualRNNCell({ units: 32, residualScale: 0.8 }) }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}

export async function fitGestures(sequences: number[][][], labels: number[], classes: number): Promise<number> {
  const maxLen = Math.max(...sequences.map((s) => s.length));
  const feat = sequences[0][0].length;
  const padded = sequences.map((s) => [...s, ...Array.from({ length: maxLen - s.length }, () => new Array(feat).fill(0))]);
  const xs = tf.tensor3d(padded);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
  const model = buildModel(feat, classes);
  const hist = await model.fit(xs, ys, { epochs: 4, batchSize: 8 });
  tf.dispose([xs, ys]);
  return hist.history.loss[hist.history.loss.length - 1] as number;
}
