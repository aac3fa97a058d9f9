// expect: none
// Custom coupled-gate LSTM cell (forget/input tied) wrapped in tf.layers.rnn, served from an async job loop.
import * as tf from '@tensorflow/tfjs';

interface CoupledLSTMArgs {
  units: number;
  name?: string;
}

export class CoupledLSTMCell extends tf.layers.RNNCell {
  static className = 'CoupledLSTMCell';
  readonly units: number;
  stateSize: number[];
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: CoupledLSTMArgs) {
    super({ name: args.name });
    this.units = args.units;
    this.stateSize = [this.units, this.units];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, 3 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 3 * this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [3 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev, cPrev] = inputs as tf.Tensor[];
      const z = tf.add(
        tf.add(tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D),
          tf.matMul(hPrev as tf.Tensor2D, this.recurrentKernel.read() as tf.Tensor2D)),
        this.bias.read(),
      );
      const [zf, zg, zo] = tf.split(z, 3, -1);
      const f = tf.sigmoid(zf);
      const g = tf.tanh(zg);
      const o = tf.sigmoid(zo);
      const c = tf.add(tf.mul(f, cPrev), tf.mul(tf.sub(1, f), g));
      const h = tf.mul(o, tf.tanh(c));
      return [h, h, c];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(CoupledLSTMCell);

export function buildClassifier(features: number, classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.masking({ maskValue: 0, inputShape: [null, features] }));
  model.add(tf.layers.rnn({ cell: new CoupledLSTMCell({ units: 48 }), returnSequences: false }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function classifyJobs(
  model: tf.Sequential,
  jobs: AsyncIterable<{ id: string; frames: number[][] }>,
  onResult: (id: string, cls: number, p: number) => Promise<void>,
): Promise<void> {
  for await (const job of jobs) {
    const probs = tf.tidy(() => model.predict(tf.tensor3d([job.frames])) as tf.Tensor2D);
    const row = (await probs.array())[0];
    probs.dispose();
    const cls = row.indexOf(Math.max(...row));
    await onResult(job.id, cls, row[cls]);
  }
}
