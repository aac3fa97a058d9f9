// expect: unused-hidden-state
// IRNN cell (ReLU recurrence with identity-initialised recurrent weights) used inside tf.layers.rnn for pixel-by-pixel MNIST.
import * as tf from '@tensorflow/tfjs';

export interface IRNNCellArgs {
  units: number;
  name?: string;
}

export class IRNNCell extends tf.layers.RNNCell {
  static className = 'IRNNCell';
  readonly units: number;
  readonly stateSize: number;

  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: IRNNCellArgs) {
    super({ name: args.name });
    this.units = args.units;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32',
      tf.initializers.randomNormal({ mean: 0, stddev: 0.001 }));
    // Le, Jaitly & Hinton 2015: identity recurrent matrix, zero bias.
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32',
      tf.initializers.identity({ gain: 1.0 }));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hTm1] = inputs as tf.Tensor[];
      const xPart = tf.matMul(x, this.kernel.read());
      const hPart = tf.matMul(x, this.recurrentKernel.read());
      const h = tf.relu(tf.addN([xPart, hPart, this.bias.read()]));
      return [h, h];
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0], this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(IRNNCell);

/**
 * Pixel MNIST: each image becomes a sequence of 28 rows. Rows are first projected
 * to `units` features so the recurrence sees a fixed-width input.
 */
export function buildPixelModel(units = 100): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.timeDistributed({
    layer: tf.layers.dense({ units }),
    inputShape: [28, 28],
  }));
  model.add(tf.layers.rnn({ cell: new IRNNCell({ units }) }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({
    optimizer: tf.train.rmsprop(1e-4),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

export async function trainPixelMnist(images: tf.Tensor3D, labels: tf.Tensor2D, onLog: (msg: string) => void) {
  const model = buildPixelModel();
  model.summary(undefined, undefined, (line: string) => onLog(line));
  await model.fit(images, labels, {
    batchSize: 32,
    epochs: 10,
    validationSplit: 0.1,
    callbacks: {
      onBatchEnd: async (batch: number, logs?: tf.Logs) => {
        if (batch % 50 === 0) onLog(`batch ${batch} loss=${logs?.loss?.toFixed(4)}`);
        await tf.nextFrame();
      },
      onEpochEnd: async (epoch: number, logs?: tf.Logs) => {
        onLog(`epoch ${epoch + 1} val_acc=${logs?.val_acc?.toFixed(4)}`);
      },
    },
  });
  return model;
}
