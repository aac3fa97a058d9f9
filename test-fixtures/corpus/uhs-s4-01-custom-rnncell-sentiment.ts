// expect: unused-hidden-state
// Layer-normalised Elman cell plugged into tf.layers.rnn for an IMDB-style sentiment model; in call() the recurrent projection of hPrev is computed but the pre-activation is built from the input projection alone.
import * as tf from '@tensorflow/tfjs';

interface NormCellArgs {
  units: number;
  epsilon?: number;
  name?: string;
}

export class NormElmanCell extends tf.layers.Layer {
  static className = 'NormElmanCell';
  readonly units: number;
  readonly epsilon: number;
  stateSize: number;
  dropoutMask: tf.Tensor | tf.Tensor[] = [];
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] = [];
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private gain!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: NormCellArgs) {
    super({ name: args.name });
    this.units = args.units;
    this.epsilon = args.epsilon ?? 1e-5;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.gain = this.addWeight('gain', [this.units], 'float32', tf.initializers.ones());
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const xProj = tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D);
      const hProj = tf.matMul(hPrev as tf.Tensor2D, this.recurrentKernel.read() as tf.Tensor2D);
      const { mean, variance } = tf.moments(xProj, -1, true);
      const normed = xProj.sub(mean).div(variance.add(this.epsilon).sqrt());
      const h = tf.tanh(normed.mul(this.gain.read()).add(this.bias.read()));
      return [h, h];
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0], this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, epsilon: this.epsilon };
  }
}
tf.serialization.registerClass(NormElmanCell);

export function buildSentimentModel(vocabSize: number, maxLen: number, units = 32): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 50, inputLength: maxLen, maskZero: true }));
  model.add(tf.layers.rnn({ cell: new NormElmanCell({ units }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}

export async function trainSentiment(
  xs: tf.Tensor2D, ys: tf.Tensor2D, opts: { epochs: number; onProgress?: (msg: string) => void },
): Promise<tf.LayersModel> {
  const model = buildSentimentModel(10000, xs.shape[1]);
  await model.fit(xs, ys, {
    epochs: opts.epochs,
    batchSize: 64,
    validationSplit: 0.2,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        opts.onProgress?.(`epoch ${epoch}: loss=${logs?.loss?.toFixed(4)} val_acc=${logs?.val_acc?.toFixed(3)}`);
      },
    },
  });
  await model.save('indexeddb://sentiment-norm-elman');
  return model;
}
