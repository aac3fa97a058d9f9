// expect: returns-input-state
// Leaky-integrator RNN cell for smoothing noisy telemetry, registered as a custom layer and used by a batch scoring job.
import * as tf from '@tensorflow/tfjs';

export class LeakyRNNCell extends tf.layers.RNNCell {
  static className = 'LeakyRNNCell';
  stateSize: number;
  private readonly units: number;
  private readonly leak: number;
  private kernel!: tf.LayerVariable;
  private recurrent!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(config: { units: number; leak?: number; name?: string }) {
    super({ name: config.name });
    this.units = config.units;
    this.leak = config.leak ?? 0.3;
    this.stateSize = this.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrent = this.addWeight('recurrent', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const drive = tf.tanh(
        tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D)
          .add(tf.matMul(hPrev as tf.Tensor2D, this.recurrent.read() as tf.Tensor2D))
          .add(this.bias.read()),
      );
      const h = tf.mul(1 - this.leak, hPrev).add(tf.mul(this.leak, drive));
      return [h, hPrev];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, leak: this.leak };
  }
}
tf.serialization.registerClass(LeakyRNNCell);

export function buildSmoother(channels: number): tf.LayersModel {
  const input = tf.input({ shape: [null, channels] });
  const seq = tf.layers.rnn({ cell: new LeakyRNNCell({ units: 32 }), returnSequences: true }).apply(input) as tf.SymbolicTensor;
  const out = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: channels }) }).apply(seq) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

export async function smoothAll(
  model: tf.LayersModel,
  batches: AsyncIterable<{ ids: string[]; series: number[][][] }>,
  write: (id: string, smoothed: number[][]) => Promise<void>,
): Promise<number> {
  let count = 0;
  for await (const { ids, series } of batches) {
    const y = tf.tidy(() => model.predict(tf.tensor3d(series)) as tf.Tensor3D);
    const rows = await y.array();
    y.dispose();
    await Promise.all(ids.map((id, i) => write(id, rows[i])));
    count += ids.length;
  }
  return count;
}
