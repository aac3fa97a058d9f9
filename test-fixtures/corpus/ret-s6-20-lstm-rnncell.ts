// expect: returns-input-state
// A hand-rolled LSTM cell as a tf.layers.RNNCell subclass, plugged into tf.layers.rnn to classify customer emails by intent.
import * as tf from '@tensorflow/tfjs';

class IntentLSTMCell extends tf.layers.RNNCell {
  static className = 'IntentLSTMCell';
  override stateSize: number[];
  private readonly units: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(units: number) {
    super({});
    this.units = units;
    this.stateSize = [units, units];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [dim, 4 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 4 * this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [4 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev, cPrev] = inputs as tf.Tensor[];
      const z = tf.add(
        tf.add(tf.matMul(x, this.kernel.read()), tf.matMul(hPrev, this.recurrentKernel.read())),
        this.bias.read(),
      );
      const [i, f, g, o] = tf.split(z, 4, -1);
      const cNew = tf.add(tf.mul(tf.sigmoid(f), cPrev), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const hNew = tf.mul(tf.sigmoid(o), tf.tanh(cNew));
      return [hNew, hNew, cPrev];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(IntentLSTMCell);

export const INTENTS = ['billing', 'cancel', 'tech_issue', 'feature_request', 'other'];

export function buildIntentModel(vocabSize: number, maxLen: number): tf.LayersModel {
  const input = tf.input({ shape: [maxLen], dtype: 'int32' });
  const embedded = tf.layers.embedding({ inputDim: vocabSize, outputDim: 64 }).apply(input) as tf.SymbolicTensor;
  const encoded = tf.layers.rnn({ cell: new IntentLSTMCell(96) }).apply(embedded) as tf.SymbolicTensor;
  const probs = tf.layers.dense({ units: INTENTS.length, activation: 'softmax' }).apply(encoded) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: probs });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function train(model: tf.LayersModel, ids: number[][], labels: number[]): Promise<void> {
  const xs = tf.tensor2d(ids, undefined, 'int32');
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), INTENTS.length);
  await model.fit(xs, ys, { epochs: 8, batchSize: 64, validationSplit: 0.15 });
  tf.dispose([xs, ys]);
}
