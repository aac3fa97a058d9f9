// expect: stacked-activation
// Two-direction sentiment classifier over token ids, built on a small custom recurrent cell.
import * as tf from '@tensorflow/tfjs';

interface SoftCellConfig {
  units: number;
  name?: string;
  trainable?: boolean;
}

export class SoftRecurrentCell extends tf.layers.Layer {
  static className = 'SoftRecurrentCell';
  units: number;
  stateSize: number;
  dropoutMask: tf.Tensor | tf.Tensor[] = [];
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] = [];
  private w!: tf.LayerVariable;
  private u!: tf.LayerVariable;
  private b!: tf.LayerVariable;

  constructor(config: SoftCellConfig) {
    super({ name: config.name, trainable: config.trainable });
    this.units = config.units;
    this.stateSize = config.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[shape.length - 1] as number;
    this.w = this.addWeight('w', [dim, this.units], 'float32', tf.initializers.glorotNormal({}));
    this.u = this.addWeight('u', [this.units, this.units], 'float32', tf.initializers.orthogonal({}));
    this.b = this.addWeight('b', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, state] = inputs as tf.Tensor2D[];
      const prev = tf.tanh(state);
      const z = tf.add(
        tf.addN([tf.matMul(x, this.w.read() as tf.Tensor2D), tf.matMul(prev, this.u.read() as tf.Tensor2D)]),
        this.b.read(),
      );
      const h = tf.tanh(z);
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(SoftRecurrentCell);

const VOCAB = 50;
const MAXLEN = 10;

export function buildClassifier(): tf.LayersModel {
  const tokens = tf.input({ shape: [MAXLEN], dtype: 'int32' });
  const emb = tf.layers.embedding({ inputDim: VOCAB, outputDim: 8, maskZero: false }).apply(tokens);
  const forward = tf.layers.rnn({ cell: new SoftRecurrentCell({ units: 16 }) }).apply(emb);
  const backward = tf.layers.rnn({ cell: new SoftRecurrentCell({ units: 16 }), goBackwards: true }).apply(emb);
  const encoded = tf.layers.concatenate().apply([
    forward as tf.SymbolicTensor,
    backward as tf.SymbolicTensor,
  ]) as tf.SymbolicTensor;
  const prob = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(encoded) as tf.SymbolicTensor;
  const model = tf.model({ inputs: tokens, outputs: prob });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

function toyReviews(n: number): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  // tokens 1..24 lean negative, 25..49 lean positive
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const positive = Math.random() < 0.5;
    const row: number[] = [];
    for (let t = 0; t < MAXLEN; t++) {
      const lean = Math.random() < 0.7 ? positive : !positive;
      row.push(lean ? 25 + Math.floor(Math.random() * 25) : 1 + Math.floor(Math.random() * 24));
    }
    xs.push(row);
    ys.push([positive ? 1 : 0]);
  }
  return { xs: tf.tensor2d(xs, undefined, 'int32'), ys: tf.tensor2d(ys) };
}

async function main(): Promise<void> {
  const model = buildClassifier();
  const { xs, ys } = toyReviews(400);
  const hist = await model.fit(xs, ys, { epochs: 10, batchSize: 32, validationSplit: 0.2, verbose: 0 });
  const valAcc = hist.history['val_acc'] ?? hist.history['val_accuracy'];
  console.log('val accuracy', Number(valAcc[valAcc.length - 1]).toFixed(3));
  tf.dispose([xs, ys]);
}

main();
