// expect: returns-input-state
// A layer-normalised simple RNN cell wrapped in tf.layers.rnn for classifying short sensor sequences.
import * as tf from '@tensorflow/tfjs';

interface LNCellArgs {
  units: number;
  epsilon?: number;
  name?: string;
}

export class LayerNormRNNCell extends tf.layers.RNNCell {
  static className = 'LayerNormRNNCell';

  readonly units: number;
  readonly stateSize: number;
  private readonly epsilon: number;

  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private gamma!: tf.LayerVariable;
  private beta!: tf.LayerVariable;

  constructor(args: LNCellArgs) {
    super({ name: args.name });
    this.units = args.units;
    this.stateSize = args.units;
    this.epsilon = args.epsilon ?? 1e-5;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32',
      tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.gamma = this.addWeight('gamma', [this.units], 'float32', tf.initializers.ones());
    this.beta = this.addWeight('beta', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  private layerNorm(z: tf.Tensor): tf.Tensor {
    const { mean, variance } = tf.moments(z, -1, true);
    const normed = tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, this.epsilon)));
    return tf.add(tf.mul(normed, this.gamma.read()), this.beta.read());
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const pre = tf.add(
        tf.matMul(x, this.kernel.read()),
        tf.matMul(hPrev, this.recurrentKernel.read()),
      );
      const hNext = tf.tanh(this.layerNorm(pre));
      return [hNext, hPrev];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, epsilon: this.epsilon };
  }
}
tf.serialization.registerClass(LayerNormRNNCell);

export function buildClassifier(timesteps: number, features: number, numClasses: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.rnn({
    cell: new LayerNormRNNCell({ units: 48 }),
    inputShape: [timesteps, features],
    returnSequences: false,
  }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  model.compile({
    optimizer: tf.train.adam(3e-3),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

export async function trainOnRecordings(xs: tf.Tensor3D, labels: number[], numClasses: number) {
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses);
  const model = buildClassifier(xs.shape[1], xs.shape[2], numClasses);
  await model.fit(xs, ys, {
    epochs: 30,
    batchSize: 16,
    validationSplit: 0.15,
    shuffle: true,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        console.log(`epoch ${epoch + 1}: loss=${logs?.loss?.toFixed(4)} acc=${logs?.acc?.toFixed(3)}`);
        await tf.nextFrame();
      },
    },
  });
  ys.dispose();
  await model.save('indexeddb://ln-rnn-gestures');
  return model;
}
