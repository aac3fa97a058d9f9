// expect: unused-hidden-state
// Peephole LSTM cell (Gers & Schmidhuber, 2000) as a custom tf.layers cell, trained on a spike-timing regression task.
import * as tf from '@tensorflow/tfjs';
import { RNNCell } from '@tensorflow/tfjs-layers/dist/layers/recurrent';

export interface PeepholeLSTMArgs {
  units: number;
  forgetBias?: number;
}

export class PeepholeLSTMCell extends RNNCell {
  static className = 'PeepholeLSTMCell';
  readonly units: number;
  readonly stateSize: number[];
  private readonly forgetBias: number;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;
  private peepI!: tf.LayerVariable;
  private peepF!: tf.LayerVariable;
  private peepO!: tf.LayerVariable;

  constructor(args: PeepholeLSTMArgs) {
    super({});
    this.units = args.units;
    this.stateSize = [args.units, args.units];
    this.forgetBias = args.forgetBias ?? 1.0;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    const u = this.units;
    this.kernel = this.addWeight('kernel', [inputDim, 4 * u], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [u, 4 * u], 'float32', tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [4 * u], 'float32', tf.initializers.zeros());
    // diagonal peephole weights w_ci, w_cf, w_co
    this.peepI = this.addWeight('peephole_i', [u], 'float32', tf.initializers.zeros());
    this.peepF = this.addWeight('peephole_f', [u], 'float32', tf.initializers.zeros());
    this.peepO = this.addWeight('peephole_o', [u], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev, cPrev] = inputs as tf.Tensor2D[];
      const z = tf.add(
        tf.add(
          tf.matMul(x, this.kernel.read() as tf.Tensor2D),
          tf.matMul(cPrev, this.recurrentKernel.read() as tf.Tensor2D),
        ),
        this.bias.read(),
      );
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      // input and forget gates look at c_{t-1}; the output gate looks at the fresh c_t
      const i = tf.sigmoid(tf.add(zi, tf.mul(this.peepI.read(), cPrev)));
      const f = tf.sigmoid(tf.add(tf.add(zf, tf.mul(this.peepF.read(), cPrev)), this.forgetBias));
      const c = tf.add(tf.mul(f, cPrev), tf.mul(i, tf.tanh(zg)));
      const o = tf.sigmoid(tf.add(zo, tf.mul(this.peepO.read(), c)));
      const h = tf.mul(o, tf.tanh(c));
      return [h, h, c];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, forgetBias: this.forgetBias };
  }
}
tf.serialization.registerClass(PeepholeLSTMCell);

export function buildTimer(timesteps: number, features: number, units = 48): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.rnn({ cell: new PeepholeLSTMCell({ units }), inputShape: [timesteps, features] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

// Each sequence has a single spike at a random step; the target is the spike's
// position normalised by the sequence length (the classic timing task peepholes were built for).
function spikeTimingData(n: number, timesteps: number, features: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xb = tf.buffer([n, timesteps, features]);
  const yb = tf.buffer([n, 1]);
  for (let k = 0; k < n; k++) {
    const pos = Math.floor(Math.random() * timesteps);
    xb.set(1, k, pos, 0);
    for (let t = 0; t < timesteps; t++) {
      for (let f = 1; f < features; f++) xb.set(0.1 * (Math.random() - 0.5), k, t, f);
    }
    yb.set(pos / timesteps, k, 0);
  }
  return { xs: xb.toTensor() as tf.Tensor3D, ys: yb.toTensor() as tf.Tensor2D };
}

async function main(): Promise<void> {
  const T = 40;
  const F = 3;
  const model = buildTimer(T, F);
  const train = spikeTimingData(2048, T, F);
  const test = spikeTimingData(256, T, F);
  await model.fit(train.xs, train.ys, { epochs: 20, batchSize: 32, validationSplit: 0.1, verbose: 0 });
  const mse = model.evaluate(test.xs, test.ys) as tf.Scalar;
  console.log(`test MSE: ${(await mse.data())[0].toFixed(5)}`);
  tf.dispose([train.xs, train.ys, test.xs, test.ys, mse]);
}

main().catch((err) => console.error(err));
