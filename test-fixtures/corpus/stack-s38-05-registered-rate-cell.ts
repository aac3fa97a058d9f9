// expect: stacked-activation
// Custom serialisable recurrent cell for per-step click-probability prediction, saved to and reloaded from localStorage.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

interface RateCellConfig {
  units: number;
  name?: string;
  trainable?: boolean;
}

export class RateCell extends tf.layers.Layer {
  static className = 'RateCell';
  readonly units: number;
  readonly stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(config: RateCellConfig) {
    super(config);
    this.units = config.units;
    this.stateSize = config.units;
  }

  build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor[];
      const pre = tf.add(
        tf.add(tf.matMul(x, this.kernel.read()), tf.matMul(h, this.recurrentKernel.read())),
        this.bias.read(),
      );
      const hNew = tf.tanh(pre);
      const rate = tf.sigmoid(hNew);
      return [rate, hNew];
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(RateCell);

const MODEL_URL = 'localstorage://click-rate-rnn';

export function buildModel(features: number, units = 16): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.rnn({
    cell: new RateCell({ units }),
    returnSequences: true,
    inputShape: [null, features],
  }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy' });
  return model;
}

export async function loadOrBuild(features: number): Promise<tf.LayersModel> {
  try {
    const model = await tf.loadLayersModel(MODEL_URL);
    model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy' });
    return model;
  } catch {
    return buildModel(features);
  }
}

export async function trainSessions(sessions: number[][][], clicks: number[][][]): Promise<void> {
  const model = await loadOrBuild(sessions[0][0].length);
  const xs = tf.tensor3d(sessions);
  const ys = tf.tensor3d(clicks);
  await model.fit(xs, ys, { epochs: 5, batchSize: 32, shuffle: true });
  await model.save(MODEL_URL);
  tf.dispose([xs, ys]);
}
