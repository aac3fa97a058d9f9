// expect: unused-hidden-state
// An IndRNN-style cell (element-wise recurrent weights, clipped) written as a tf.layers.RNNCell subclass, used for long ECG sequences.
import * as tf from '@tensorflow/tfjs';

class IndRNNCell extends tf.layers.RNNCell {
  static className = 'IndRNNCell';
  override stateSize: number;
  private readonly units: number;
  private readonly recurrentClip: number;
  private kernel!: tf.LayerVariable;
  private recurrentWeight!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: { units: number; recurrentClip?: number }) {
    super({});
    this.units = args.units;
    this.stateSize = args.units;
    this.recurrentClip = args.recurrentClip ?? 2;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [dim, this.units], 'float32', tf.initializers.heNormal({}));
    this.recurrentWeight = this.addWeight('recurrent_weight', [this.units], 'float32',
      tf.initializers.randomUniform({ minval: 0, maxval: 1 }));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const xw = tf.matMul(x, this.kernel.read());
      const rec = tf.mul(hPrev, this.recurrentWeight.read());
      const recClipped = tf.clipByValue(rec, -this.recurrentClip, this.recurrentClip);
      const pre = tf.add(xw, this.bias.read());
      const h = tf.relu(pre);
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, recurrentClip: this.recurrentClip };
  }
}
tf.serialization.registerClass(IndRNNCell);

export function buildEcgModel(timesteps: number, leads: number, classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.rnn({
    cell: [new IndRNNCell({ units: 64 }), new IndRNNCell({ units: 64 })],
    inputShape: [timesteps, leads],
  }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(2e-4), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function fitEcg(model: tf.Sequential, beats: number[][][], labels: number[], classes: number) {
  const xs = tf.tensor3d(beats);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
  const history = await model.fit(xs, ys, { epochs: 15, batchSize: 128, validationSplit: 0.2 });
  tf.dispose([xs, ys]);
  return history.history;
}
