// expect: unused-hidden-state
// Custom Elman RNNCell behind a same-width projection; call() takes both x and h from inputs[0], so the real previous state (inputs[1]) never reaches the new state.
import * as tf from '@tensorflow/tfjs';

interface ElmanCellArgs {
  units: number;
  name?: string;
}

/** Elman cell: h_t = tanh(x_t W + h_{t-1} U + b). */
class ElmanCell extends tf.layers.RNNCell {
  static className = 'ElmanCell';
  readonly units: number;
  stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: ElmanCellArgs) {
    super({ name: args.name });
    this.units = args.units;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32',
      tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const list = inputs as tf.Tensor[];
      // the RNN wrapper hands us [x_t, ...states]
      const x = list[0] as tf.Tensor2D;
      const hPrev = list[0] as tf.Tensor2D;
      const xw = tf.matMul(x, this.kernel.read() as tf.Tensor2D);
      const hu = tf.matMul(hPrev, this.recurrentKernel.read() as tf.Tensor2D);
      const hNew = tf.tanh(tf.add(tf.add(xw, hu), this.bias.read()));
      return [hNew, hNew];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(ElmanCell);

export function buildTagger(vocabSize: number, units: number, numTags: number): tf.LayersModel {
  const tokens = tf.input({ shape: [null], dtype: 'int32' });
  const embedded = tf.layers.embedding({ inputDim: vocabSize, outputDim: 48 }).apply(tokens);
  // project to the cell width so residual connections line up later
  const projected = tf.layers.dense({ units }).apply(embedded);
  const seq = tf.layers.rnn({
    cell: new ElmanCell({ units }),
    returnSequences: true,
  }).apply(projected);
  const tags = tf.layers.timeDistributed({
    layer: tf.layers.dense({ units: numTags, activation: 'softmax' }),
  }).apply(seq) as tf.SymbolicTensor;
  const model = tf.model({ inputs: tokens, outputs: tags });
  model.compile({ optimizer: tf.train.adam(3e-3), loss: 'sparseCategoricalCrossentropy' });
  return model;
}

export async function trainTagger(sentences: number[][], tagSeqs: number[][]): Promise<tf.LayersModel> {
  const maxLen = Math.max(...sentences.map((s) => s.length));
  const pad = (row: number[]) => [...row, ...new Array(maxLen - row.length).fill(0)];
  const x = tf.tensor2d(sentences.map(pad), undefined, 'int32');
  const y = tf.tensor3d(tagSeqs.map((t) => pad(t).map((v) => [v])));
  const model = buildTagger(1000, 32, 12);
  await model.fit(x, y, { epochs: 5, batchSize: 16, shuffle: true });
  x.dispose();
  y.dispose();
  return model;
}
