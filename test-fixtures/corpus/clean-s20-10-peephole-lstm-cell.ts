// expect: none
// Peephole LSTM cell for tf.layers.rnn; trains a delayed-echo task, then clones the weights into a fresh model.
import * as tf from '@tensorflow/tfjs';

export class PeepholeLSTMCell extends tf.layers.Layer {
  static className = 'PeepholeLSTMCell';
  stateSize: number[];
  dropoutMask: tf.Tensor | tf.Tensor[] = [];
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] = [];
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private peep!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(readonly units: number) {
    super({});
    this.stateSize = [units, units];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [dim, 4 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 4 * this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.peep = this.addWeight('peephole', [3, this.units], 'float32', tf.initializers.zeros());
    this.bias = this.addWeight('bias', [4 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev, cPrev] = inputs as tf.Tensor2D[];
      const z = tf.add(
        tf.add(tf.matMul(x, this.kernel.read() as tf.Tensor2D), tf.matMul(hPrev, this.recurrentKernel.read() as tf.Tensor2D)),
        this.bias.read(),
      );
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      const [pi, pf, po] = tf.unstack(this.peep.read());
      const i = tf.sigmoid(tf.add(zi, tf.mul(pi, cPrev)));
      const f = tf.sigmoid(tf.add(zf, tf.mul(pf, cPrev)));
      const g = tf.tanh(zg);
      const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g));
      const o = tf.sigmoid(tf.add(zo, tf.mul(po, c)));
      const h = tf.mul(o, tf.tanh(c));
      return [h, h, c];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(PeepholeLSTMCell);

const STEPS = 10;
const DELAY = 3;

function buildModel(units: number): tf.LayersModel {
  const seq = tf.input({ shape: [STEPS, 1] });
  const h0 = tf.input({ shape: [units] });
  const c0 = tf.input({ shape: [units] });
  const rnn = tf.layers.rnn({ cell: new PeepholeLSTMCell(units), returnSequences: true });
  const hs = rnn.apply(seq, { initialState: [h0, c0] }) as tf.SymbolicTensor;
  const y = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }).apply(hs) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [seq, h0, c0], outputs: y });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

function echoData(n: number): { xs: tf.Tensor3D; ys: tf.Tensor3D } {
  const xs: number[][][] = [];
  const ys: number[][][] = [];
  for (let k = 0; k < n; k++) {
    const x = Array.from({ length: STEPS }, () => (Math.random() < 0.3 ? 1 : 0));
    xs.push(x.map((v) => [v]));
    ys.push(x.map((_, t) => [t >= DELAY ? x[t - DELAY] : 0]));
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor3d(ys) };
}

async function main(): Promise<void> {
  const units = 12;
  const model = buildModel(units);
  const { xs, ys } = echoData(512);
  const zeros = tf.zeros([512, units]);
  await model.fit([xs, zeros, zeros], ys, { epochs: 25, batchSize: 64, verbose: 0 });

  const copy = buildModel(units);
  copy.setWeights(model.getWeights());
  const probe = xs.slice([0, 0, 0], [2, STEPS, 1]);
  const z2 = tf.zeros([2, units]);
  const a = model.predict([probe, z2, z2]) as tf.Tensor;
  const b = copy.predict([probe, z2, z2]) as tf.Tensor;
  console.log('max diff after setWeights', tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
  console.log('input ', probe.flatten().arraySync().join(' '));
  console.log('echo  ', Array.from(a.flatten().dataSync()).slice(0, STEPS).map((v) => v.toFixed(1)).join(' '));
  tf.dispose([xs, ys, zeros, probe, z2, a, b]);
}

main();
