// expect: none
// Serialisable custom GRU cell for an intent classifier, persisted to IndexedDB and reloaded with its registered class.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

interface CompactGruConfig {
  units: number;
  name?: string;
}

export class CompactGruCell extends tf.layers.Layer {
  static className = 'CompactGruCell';
  readonly units: number;
  readonly stateSize: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(config: CompactGruConfig) {
    super(config);
    this.units = config.units;
    this.stateSize = config.units;
  }

  build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    const glorot = tf.initializers.glorotUniform({});
    this.kernel = this.addWeight('kernel', [inDim, 3 * this.units], 'float32', glorot);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 3 * this.units], 'float32', glorot);
    this.bias = this.addWeight('bias', [3 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor[];
      const [xz, xr, xh] = tf.split(tf.add(tf.matMul(x, this.kernel.read()), this.bias.read()), 3, -1);
      const [uz, ur, uh] = tf.split(this.recurrentKernel.read(), 3, -1);
      const z = tf.sigmoid(tf.add(xz, tf.matMul(h, uz)));
      const r = tf.sigmoid(tf.add(xr, tf.matMul(h, ur)));
      const hTilde = tf.tanh(tf.add(xh, tf.matMul(tf.mul(r, h), uh)));
      const hNew = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hTilde));
      return [hNew, hNew];
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }

  static fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}
tf.serialization.registerClass(CompactGruCell);

const STORE_URL = 'indexeddb://intent-gru';

export function buildClassifier(vocab: number, intents: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab, outputDim: 32, maskZero: true, inputShape: [null] }));
  model.add(tf.layers.rnn({ cell: new CompactGruCell({ units: 48 }) }));
  model.add(tf.layers.dense({ units: intents, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function restoreClassifier(): Promise<tf.LayersModel | null> {
  const stored = await tf.io.listModels();
  if (!(STORE_URL in stored)) return null;
  return tf.loadLayersModel(STORE_URL);
}

export async function classify(model: tf.LayersModel, utterances: number[][]): Promise<number[]> {
  const results: number[] = [];
  for (const ids of utterances) {
    const pred = tf.tidy(() => {
      const probs = model.predict(tf.tensor2d([ids], [1, ids.length])) as tf.Tensor2D;
      return tf.argMax(probs, -1);
    });
    results.push((await pred.data())[0]);
    pred.dispose();
  }
  await model.save(STORE_URL);
  return results;
}
