// expect: none
// Custom GRU RNNCell (reset-after variant) used inside tf.layers.rnn for a sentiment classifier; gates are sigmoid outputs multiplied into the candidate and the interpolated state is returned.
import * as tf from '@tensorflow/tfjs';

export class ResetAfterGRUCell extends tf.layers.RNNCell {
  static className = 'ResetAfterGRUCell';
  readonly units: number;
  readonly stateSize: number;
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
    const dim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [dim, 3 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 3 * this.units], 'float32', tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [3 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hTm1] = inputs as tf.Tensor2D[];
      const xw = tf.add(tf.matMul(x, this.kernel.read() as tf.Tensor2D), this.bias.read());
      const hu = tf.matMul(hTm1, this.recurrentKernel.read() as tf.Tensor2D);
      const [xz, xr, xh] = tf.split(xw, 3, 1);
      const [uz, ur, uh] = tf.split(hu, 3, 1);
      const z = tf.sigmoid(tf.add(xz, uz));
      const r = tf.sigmoid(tf.add(xr, ur));
      const hh = tf.tanh(tf.add(xh, tf.mul(r, uh)));
      const h = tf.add(tf.mul(z, hTm1), tf.mul(tf.sub(1, z), hh));
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(ResetAfterGRUCell);

export function buildSentimentModel(maxLen: number, vocabSize: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 64, inputLength: maxLen, maskZero: true }));
  model.add(tf.layers.rnn({ cell: new ResetAfterGRUCell({ units: 64 }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}
