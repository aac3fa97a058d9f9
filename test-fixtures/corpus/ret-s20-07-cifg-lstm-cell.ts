// expect: returns-input-state
// Coupled input-forget gate LSTM cell for tf.layers.rnn, trained to sum a sequence of noisy deltas.
import * as tf from '@tensorflow/tfjs';

export class CIFGCell extends tf.layers.Layer {
  static className = 'CIFGCell';
  stateSize: number[];
  dropoutMask: tf.Tensor | tf.Tensor[] = [];
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] = [];
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(readonly units: number) {
    super({});
    this.stateSize = [units, units];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [dim, 3 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 3 * this.units], 'float32',
      tf.initializers.orthogonal({}));
    // forget-gate bias starts at 1 so early training keeps memory
    const forgetOnes = tf.tidy(() => tf.concat([tf.ones([this.units]), tf.zeros([2 * this.units])]));
    this.bias = this.addWeight('bias', [3 * this.units], 'float32', tf.initializers.zeros());
    this.bias.write(forgetOnes);
    forgetOnes.dispose();
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h, c] = inputs as tf.Tensor2D[];
      const z = tf.add(
        tf.add(tf.matMul(x, this.kernel.read() as tf.Tensor2D), tf.matMul(h, this.recurrentKernel.read() as tf.Tensor2D)),
        this.bias.read(),
      );
      const [zf, zo, zg] = tf.split(z, 3, 1);
      const forget = tf.sigmoid(zf);
      const outGate = tf.sigmoid(zo);
      const candidate = tf.tanh(zg);
      const memory = tf.add(tf.mul(forget, c), tf.mul(tf.sub(1, forget), candidate));
      const out = tf.mul(outGate, tf.tanh(memory));
      return [out, out, c];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(CIFGCell);

function deltas(n: number, steps: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    let total = 0;
    const seq: number[][] = [];
    for (let t = 0; t < steps; t++) {
      const d = Math.random() - 0.5;
      total += d;
      seq.push([d + (Math.random() - 0.5) * 0.05]);
    }
    xs.push(seq);
    ys.push([total]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

async function main(): Promise<void> {
  const steps = 15;
  const input = tf.input({ shape: [steps, 1] });
  const [seqOut, hLast, cLast] = tf.layers.rnn({ cell: new CIFGCell(20), returnState: true })
    .apply(input) as tf.SymbolicTensor[];
  const pred = tf.layers.dense({ units: 1 }).apply(seqOut) as tf.SymbolicTensor;
  const trainer = tf.model({ inputs: input, outputs: pred });
  const encoder = tf.model({ inputs: input, outputs: [hLast, cLast] });
  trainer.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const { xs, ys } = deltas(512, steps);
  const hist = await trainer.fit(xs, ys, { epochs: 12, batchSize: 64, verbose: 0 });
  const losses = hist.history['loss'] as number[];
  console.log('loss', losses[0].toFixed(4), '->', losses[losses.length - 1].toFixed(4));

  const [h, c] = encoder.predict(xs.slice([0, 0, 0], [4, steps, 1])) as tf.Tensor[];
  console.log('encoder state norms', tf.norm(h).dataSync()[0].toFixed(3), tf.norm(c).dataSync()[0].toFixed(3));
  tf.dispose([xs, ys, h, c]);
}

main();
