// expect: returns-input-state
// Registered time-decay recurrent cell for irregularly sampled vitals, trained with tf.layers and stored in IndexedDB.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

interface DecayCellArgs {
  units: number;
  name?: string;
}

export class DecayCell extends tf.layers.Layer {
  static className = 'DecayCell';
  readonly units: number;
  readonly stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrent!: tf.LayerVariable;
  private decay!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: DecayCellArgs) {
    super(args);
    this.units = args.units;
    this.stateSize = args.units;
  }

  build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    // last feature is the time gap since the previous observation
    const inDim = (shape[shape.length - 1] as number) - 1;
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotNormal({}));
    this.recurrent = this.addWeight('recurrent', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.decay = this.addWeight('decay', [this.units], 'float32', tf.initializers.constant({ value: 0.1 }));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [xWithGap, h] = inputs as tf.Tensor[];
      const inDim = xWithGap.shape[1]! - 1;
      const [x, gap] = tf.split(xWithGap, [inDim, 1], 1);
      const keep = tf.exp(tf.neg(tf.mul(tf.abs(this.decay.read()), gap)));
      const hDecayed = tf.mul(h, keep);
      const hNew = tf.tanh(tf.add(
        tf.add(tf.matMul(x, this.kernel.read()), tf.matMul(hDecayed, this.recurrent.read())),
        this.bias.read(),
      ));
      return [hNew, h];
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(DecayCell);

const SAVE_URL = 'indexeddb://vitals-decay-rnn';

export function buildModel(features: number): tf.LayersModel {
  const input = tf.input({ shape: [null, features + 1] });
  const seq = tf.layers.rnn({ cell: new DecayCell({ units: 40 }) }).apply(input) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ units: 16, activation: 'relu' }).apply(seq) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(hidden) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  model.compile({ optimizer: tf.train.adam(2e-3), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function trainAndStore(xs: tf.Tensor3D, ys: tf.Tensor2D): Promise<tf.History> {
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(SAVE_URL);
    model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  } catch {
    model = buildModel(xs.shape[2] - 1);
  }
  const history = await model.fit(xs, ys, { epochs: 10, batchSize: 64, validationSplit: 0.1 });
  await model.save(SAVE_URL);
  return history;
}
