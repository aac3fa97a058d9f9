// expect: unused-hidden-state
// Custom Elman RNNCell for tf.layers.rnn; bug: in call() the recurrent projection `rec` of hPrev is computed but never added to the pre-activation, so the previous state never reaches the output or the new state.
import * as tf from '@tensorflow/tfjs';

export class ElmanCell extends tf.layers.RNNCell {
  static className = 'ElmanCell';
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
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor2D[];
      const proj = tf.matMul(x, this.kernel.read() as tf.Tensor2D);
      const rec = tf.matMul(hPrev, this.recurrentKernel.read() as tf.Tensor2D);
      const h = tf.tanh(tf.add(proj, this.bias.read()));
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(ElmanCell);

export function buildTagger(seqLen: number, features: number, numTags: number): tf.LayersModel {
  const input = tf.input({ shape: [seqLen, features] });
  const seq = tf.layers.rnn({ cell: new ElmanCell({ units: 48 }), returnSequences: true }).apply(input) as tf.SymbolicTensor;
  const tags = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: numTags, activation: 'softmax' }) }).apply(seq) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: tags });
}
