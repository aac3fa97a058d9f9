// expect: none
// Custom Elman RNN cell wrapped in tf.layers.rnn to classify whether a noisy sine sequence is rising.
import * as tf from '@tensorflow/tfjs';

interface ElmanCellArgs {
  units: number;
  name?: string;
}

export class ElmanCell extends tf.layers.Layer {
  static className = 'ElmanCell';
  readonly units: number;
  stateSize: number;
  dropoutMask: tf.Tensor | tf.Tensor[] = [];
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] = [];
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(args: ElmanCellArgs) {
    super({ name: args.name });
    this.units = args.units;
    this.stateSize = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32',
      tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor2D[];
      const fromInput = tf.matMul(x, this.kernel.read() as tf.Tensor2D);
      const fromState = tf.matMul(hPrev, this.recurrentKernel.read() as tf.Tensor2D);
      const h = tf.tanh(tf.add(tf.add(fromInput, fromState), this.bias.read()));
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(ElmanCell);

function makeData(n: number, steps: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const phase = Math.random() * Math.PI * 2;
    const seq: number[][] = [];
    for (let t = 0; t < steps; t++) {
      seq.push([Math.sin(phase + t * 0.3) + (Math.random() - 0.5) * 0.1]);
    }
    const rising = seq[steps - 1][0] > seq[steps - 2][0] ? 1 : 0;
    xs.push(seq);
    ys.push([rising]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

export function buildModel(steps: number, units = 16): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.rnn({ cell: new ElmanCell({ units }), inputShape: [steps, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function main(): Promise<void> {
  const steps = 12;
  const { xs, ys } = makeData(256, steps);
  const model = buildModel(steps);
  const history = await model.fit(xs, ys, { epochs: 15, batchSize: 32, verbose: 0 });
  const acc = history.history['acc'] ?? history.history['accuracy'];
  console.log('final accuracy', acc[acc.length - 1]);
  xs.dispose();
  ys.dispose();
}

main().catch((err) => console.error(err));
