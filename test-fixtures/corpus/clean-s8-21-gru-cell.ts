// expect: none
// A from-scratch GRU cell written as a custom layer and used through tf.layers.rnn to classify heart-rate sequences.
import * as tf from '@tensorflow/tfjs';

export class ScratchGruCell extends tf.layers.Layer {
  static className = 'ScratchGruCell';

  readonly units: number;
  stateSize: number;
  dropoutMask!: tf.Tensor | tf.Tensor[];
  recurrentDropoutMask!: tf.Tensor | tf.Tensor[];

  private W!: tf.LayerVariable; // [inputDim, 3 * units]  (update | reset | candidate)
  private U!: tf.LayerVariable; // [units, 3 * units]
  private b!: tf.LayerVariable; // [3 * units]

  constructor(args: { units: number; name?: string }) {
    super({ name: args.name });
    this.units = args.units;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = s[s.length - 1] as number;
    this.W = this.addWeight('W', [inputDim, 3 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.U = this.addWeight('U', [this.units, 3 * this.units], 'float32', tf.initializers.orthogonal({}));
    this.b = this.addWeight('b', [3 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const xw = tf.matMul(x, this.W.read()).add(this.b.read());
      const [xz, xr, xh] = tf.split(xw, 3, -1);
      const u = this.U.read();
      const uZR = u.slice([0, 0], [this.units, 2 * this.units]);
      const uH = u.slice([0, 2 * this.units], [this.units, this.units]);

      const [hz, hr] = tf.split(tf.matMul(hPrev, uZR), 2, -1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const candidate = tf.tanh(xh.add(tf.matMul(r.mul(hPrev), uH)));
      const h = z.mul(hPrev).add(tf.onesLike(z).sub(z).mul(candidate));
      return [h, h];
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [s[0], this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(ScratchGruCell);

export function buildArrhythmiaModel(steps: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.rnn({ cell: new ScratchGruCell({ units: 32 }), inputShape: [steps, 1], returnSequences: false }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function trainOnSynthetic(model: tf.LayersModel, steps: number): Promise<tf.History> {
  const n = 128;
  const xs = tf.tidy(() => tf.randomNormal([n, steps, 1]).add(tf.linspace(0, 1, steps).reshape([1, steps, 1])));
  const ys = tf.oneHot(tf.tensor1d(Array.from({ length: n }, (_, i) => i % 2), 'int32'), 2);
  const history = await model.fit(xs, ys, { epochs: 5, batchSize: 32, validationSplit: 0.2 });
  tf.dispose([xs, ys]);
  return history;
}
