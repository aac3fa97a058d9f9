// expect: unused-hidden-state
// Defines a minimal gated recurrent unit as a custom Keras-style cell and wraps it in tf.layers.rnn for a sequence classifier.
import * as tf from '@tensorflow/tfjs';

export class MinimalGatedCell extends tf.layers.Layer {
  static className = 'MinimalGatedCell';

  readonly units: number;
  stateSize: number;
  dropoutMask!: tf.Tensor | tf.Tensor[];
  recurrentDropoutMask!: tf.Tensor | tf.Tensor[];

  private gateKernel!: tf.LayerVariable;
  private candKernel!: tf.LayerVariable;
  private gateBias!: tf.LayerVariable;
  private candBias!: tf.LayerVariable;

  constructor(config: { units: number; name?: string }) {
    super({ name: config.name });
    this.units = config.units;
    this.stateSize = config.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    const init = tf.initializers.glorotUniform({});
    this.gateKernel = this.addWeight('gate_kernel', [inputDim, this.units], 'float32', init);
    this.candKernel = this.addWeight('cand_kernel', [inputDim, this.units], 'float32', init);
    this.gateBias = this.addWeight('gate_bias', [this.units], 'float32', tf.initializers.zeros());
    this.candBias = this.addWeight('cand_bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      const f = tf.sigmoid(tf.add(tf.matMul(x, this.gateKernel.read()), this.gateBias.read()));
      const hTilde = tf.tanh(tf.add(tf.matMul(x, this.candKernel.read()), this.candBias.read()));
      // interpolate between the previous memory and the proposal
      const keep = tf.sub(tf.onesLike(f), f);
      const h = tf.add(tf.mul(keep, hTilde), tf.mul(f, hTilde));
      return [h, h];
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0], this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(MinimalGatedCell);

export function buildClassifier(timesteps: number, features: number, classes: number): tf.LayersModel {
  const input = tf.input({ shape: [timesteps, features] });
  const rnn = tf.layers.rnn({ cell: new MinimalGatedCell({ units: 48 }), returnSequences: false });
  const encoded = rnn.apply(input) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: classes, activation: 'softmax' }).apply(encoded) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: logits });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
