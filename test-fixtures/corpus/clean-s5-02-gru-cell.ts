// expect: none
// Fused-weight GRU RNNCell; the previous state feeds every gate via hg and again in z*h + (1-z)*cand, so nothing is dropped.
import * as tf from '@tensorflow/tfjs';

export class FusedGRUCell extends tf.layers.RNNCell {
  static className = 'FusedGRUCell';
  stateSize: number;
  readonly units: number;
  private wx!: tf.LayerVariable;
  private wh!: tf.LayerVariable;
  private b!: tf.LayerVariable;

  constructor(config: { units: number; name?: string }) {
    super({ name: config.name });
    this.units = config.units;
    this.stateSize = config.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    const u = this.units;
    this.wx = this.addWeight('wx', [inDim, 3 * u], 'float32', tf.initializers.glorotUniform({}));
    this.wh = this.addWeight('wh', [u, 3 * u], 'float32', tf.initializers.orthogonal({}));
    this.b = this.addWeight('b', [3 * u], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor2D[];
      const xg = tf.add(tf.matMul(x, this.wx.read() as tf.Tensor2D), this.b.read());
      const hg = tf.matMul(h, this.wh.read() as tf.Tensor2D);
      const [xz, xr, xn] = tf.split(xg, 3, 1);
      const [hz, hr, hn] = tf.split(hg, 3, 1);
      const z = tf.sigmoid(tf.add(xz, hz));
      const r = tf.sigmoid(tf.add(xr, hr));
      const cand = tf.tanh(tf.add(xn, tf.mul(r, hn)));
      // keep z of the old state, replace the rest with the candidate
      const next = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand));
      return [next, next];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(FusedGRUCell);

export function sentimentModel(vocab: number, units = 64): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab, outputDim: 32, inputLength: 40, maskZero: true }));
  model.add(tf.layers.rnn({ cell: new FusedGRUCell({ units }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function fitSentiment(
  reviews: number[][],
  labels: number[],
  vocab: number,
): Promise<tf.History> {
  const padded = reviews.map((r) => {
    const row = r.slice(0, 40);
    while (row.length < 40) row.push(0);
    return row;
  });
  const xs = tf.tensor2d(padded, [padded.length, 40], 'int32');
  const ys = tf.tensor2d(labels, [labels.length, 1]);
  const model = sentimentModel(vocab);
  try {
    return await model.fit(xs, ys, { epochs: 3, batchSize: 32, validationSplit: 0.1 });
  } finally {
    xs.dispose();
    ys.dispose();
  }
}
