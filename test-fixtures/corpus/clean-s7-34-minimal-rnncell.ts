// expect: none
// Minimal Gated Unit cell (Zhou et al. 2016) as a tfjs RNNCell, used in a keyword-spotting model over MFCC frames.
import * as tf from '@tensorflow/tfjs';

export class MGUCell extends tf.layers.RNNCell {
  static className = 'MGUCell';
  readonly units: number;
  readonly stateSize: number;

  private kernel!: tf.LayerVariable;          // [in, 2 * units]  -> forget | candidate
  private recurrentKernel!: tf.LayerVariable; // [units, 2 * units]
  private bias!: tf.LayerVariable;            // [2 * units]

  constructor(config: { units: number; name?: string }) {
    super({ name: config.name });
    this.units = config.units;
    this.stateSize = config.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inDim, 2 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 2 * this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [2 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, ctx] = inputs as tf.Tensor[];
      const [kf, kc] = tf.split(this.kernel.read(), 2, 1);
      const [rf, rc] = tf.split(this.recurrentKernel.read(), 2, 1);
      const [bf, bc] = tf.split(this.bias.read(), 2, 0);

      const f = tf.sigmoid(tf.addN([tf.matMul(x, kf), tf.matMul(ctx, rf), bf]));
      const candidate = tf.tanh(tf.addN([tf.matMul(x, kc), tf.matMul(tf.mul(f, ctx), rc), bc]));
      const next = tf.add(tf.mul(tf.sub(1, f), ctx), tf.mul(f, candidate));
      return [next, next];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(MGUCell);

export const KEYWORDS = ['_silence_', '_unknown_', 'yes', 'no', 'up', 'down', 'left', 'right', 'on', 'off', 'stop', 'go'];

export function buildKwsModel(frames = 98, mfcc = 40): tf.LayersModel {
  const input = tf.input({ shape: [frames, mfcc] });
  const normed = tf.layers.batchNormalization().apply(input) as tf.SymbolicTensor;
  const seq = tf.layers.rnn({ cell: new MGUCell({ units: 96 }), returnSequences: true }).apply(normed) as tf.SymbolicTensor;
  const last = tf.layers.rnn({ cell: new MGUCell({ units: 96 }) }).apply(seq) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ units: 64, activation: 'relu' }).apply(last) as tf.SymbolicTensor;
  const probs = tf.layers.dense({ units: KEYWORDS.length, activation: 'softmax' }).apply(hidden) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: probs });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function train(model: tf.LayersModel, x: tf.Tensor3D, y: tf.Tensor2D, report: (msg: string) => void) {
  return model.fit(x, y, {
    epochs: 25,
    batchSize: 64,
    validationSplit: 0.1,
    shuffle: true,
    callbacks: {
      onEpochEnd: (epoch, logs) => report(`epoch ${epoch + 1}: acc ${logs?.acc?.toFixed(3)} val_acc ${logs?.val_acc?.toFixed(3)}`),
    },
  });
}

export function detect(model: tf.LayersModel, clipMfcc: number[][]): { word: string; p: number } {
  return tf.tidy(() => {
    const probs = (model.predict(tf.tensor3d([clipMfcc])) as tf.Tensor).squeeze();
    const i = probs.argMax().dataSync()[0];
    return { word: KEYWORDS[i], p: probs.dataSync()[i] };
  });
}
