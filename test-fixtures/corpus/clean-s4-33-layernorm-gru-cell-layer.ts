// expect: none
// Custom layer-normalised GRU cell (tf.layers.Layer subclass with build/call/getConfig overrides) stacked twice through tf.layers.rnn in a sequence regressor; call() mixes x and hPrev into the gates and returns the new state twice, as the RNN wrapper expects.
import * as tf from '@tensorflow/tfjs';

interface LnGruArgs { units: number; epsilon?: number; name?: string }

export class LayerNormGRUCell extends tf.layers.Layer {
  static className = 'LayerNormGRUCell';
  readonly units: number;
  readonly epsilon: number;
  stateSize: number;
  dropoutMask: tf.Tensor | tf.Tensor[] = [];
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] = [];
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: LnGruArgs) {
    super({ name: args.name });
    this.units = args.units;
    this.epsilon = args.epsilon ?? 1e-5;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, 3 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel', [this.units, 3 * this.units], 'float32', tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [3 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  private norm(t: tf.Tensor): tf.Tensor {
    const { mean, variance } = tf.moments(t, -1, true);
    return t.sub(mean).div(variance.add(this.epsilon).sqrt());
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const u = this.units;
      const xProj = this.norm(tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D)).add(this.bias.read());
      const hProj = this.norm(tf.matMul(hPrev as tf.Tensor2D, this.recurrentKernel.read() as tf.Tensor2D));
      const [xz, xr, xh] = tf.split(xProj, [u, u, u], -1);
      const [hz, hr, hh] = tf.split(hProj, [u, u, u], -1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const hTilde = tf.tanh(xh.add(r.mul(hh)));
      const h = tf.sub(1, z).mul(hPrev).add(z.mul(hTilde));
      return [h, h];
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0], this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, epsilon: this.epsilon };
  }
}
tf.serialization.registerClass(LayerNormGRUCell);

export function buildRegressor(timesteps: number, features: number, units = 48): tf.LayersModel {
  const input = tf.input({ shape: [timesteps, features] });
  const seq = tf.layers.rnn({ cell: new LayerNormGRUCell({ units }), returnSequences: true }).apply(input);
  const last = tf.layers.rnn({ cell: new LayerNormGRUCell({ units }) }).apply(seq);
  const out = tf.layers.dense({ units: 1 }).apply(last) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanAbsoluteError' });
  return model;
}

export async function trainAndSave(
  xs: tf.Tensor3D, ys: tf.Tensor2D, saveTo: string, log: (s: string) => void,
): Promise<tf.History> {
  const model = buildRegressor(xs.shape[1], xs.shape[2]);
  const history = await model.fit(xs, ys, {
    epochs: 25,
    batchSize: 32,
    validationSplit: 0.1,
    callbacks: { onEpochEnd: async (epoch, logs) => log(`#${epoch} mae=${logs?.loss} val=${logs?.val_loss}`) },
  });
  await model.save(saveTo);
  model.dispose();
  return history;
}
