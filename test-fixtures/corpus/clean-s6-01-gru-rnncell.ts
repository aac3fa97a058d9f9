// expect: none
// A GRU cell written as a tf.layers.RNNCell subclass and wrapped with tf.layers.rnn for a character-level language model.
import * as tf from '@tensorflow/tfjs';

class MinimalGRUCell extends tf.layers.RNNCell {
  static className = 'MinimalGRUCell';
  override stateSize: number;
  private readonly units: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: { units: number; name?: string }) {
    super({ name: args.name });
    this.units = args.units;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, 3 * this.units], 'float32',
      tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 3 * this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [3 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const xProj = tf.add(tf.matMul(x, this.kernel.read()), this.bias.read());
      const [xz, xr, xh] = tf.split(xProj, 3, -1);
      const [uz, ur, uh] = tf.split(this.recurrentKernel.read(), 3, -1);

      const z = tf.sigmoid(tf.add(xz, tf.matMul(hPrev, uz)));
      const r = tf.sigmoid(tf.add(xr, tf.matMul(hPrev, ur)));
      const candidate = tf.tanh(tf.add(xh, tf.matMul(tf.mul(r, hPrev), uh)));
      const hNew = tf.add(tf.mul(z, hPrev), tf.mul(tf.sub(1, z), candidate));
      return [hNew, hNew];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(MinimalGRUCell);

export function buildCharModel(vocabSize: number, seqLen: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 48, inputShape: [seqLen] }));
  model.add(tf.layers.rnn({ cell: new MinimalGRUCell({ units: 128 }), returnSequences: true }));
  model.add(tf.layers.timeDistributed({
    layer: tf.layers.dense({ units: vocabSize, activation: 'softmax' }),
  }));
  model.compile({ optimizer: tf.train.adam(2e-3), loss: 'sparseCategoricalCrossentropy' });
  return model;
}

export async function fitOnText(model: tf.LayersModel, ids: number[], seqLen: number): Promise<void> {
  const xs: number[][] = [];
  const ys: number[][][] = [];
  for (let i = 0; i + seqLen + 1 <= ids.length; i += seqLen) {
    xs.push(ids.slice(i, i + seqLen));
    ys.push(ids.slice(i + 1, i + seqLen + 1).map((t) => [t]));
  }
  const xT = tf.tensor2d(xs, undefined, 'float32');
  const yT = tf.tensor3d(ys, undefined, 'float32');
  await model.fit(xT, yT, { epochs: 20, batchSize: 32, shuffle: true, validationSplit: 0.1 });
  tf.dispose([xT, yT]);
}
