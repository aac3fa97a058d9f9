// expect: none
// A custom gated-linear-unit layer (tf.layers.Layer subclass with computeOutputShape) sits on top of an LSTM to score news headlines for clickbait.
import * as tf from '@tensorflow/tfjs';

class GatedTanhUnit extends tf.layers.Layer {
  static className = 'GatedTanhUnit';
  private readonly units: number;
  private valueKernel!: tf.LayerVariable;
  private gateKernel!: tf.LayerVariable;
  private gateBias!: tf.LayerVariable;

  constructor(args: { units: number; name?: string }) {
    super({ name: args.name });
    this.units = args.units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    const dim = shape[shape.length - 1] as number;
    this.valueKernel = this.addWeight('value_kernel', [dim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.gateKernel = this.addWeight('gate_kernel', [dim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.gateBias = this.addWeight('gate_bias', [this.units], 'float32', tf.initializers.ones());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = inputShape as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const gate = tf.sigmoid(tf.add(tf.matMul(x, this.gateKernel.read()), this.gateBias.read()));
      const value = tf.tanh(tf.matMul(x, this.valueKernel.read()));
      return tf.mul(gate, value);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(GatedTanhUnit);

export function buildClickbaitModel(vocab: number, maxLen: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab, outputDim: 50, inputShape: [maxLen], maskZero: true }));
  model.add(tf.layers.lstm({ units: 64 }));
  model.add(new GatedTanhUnit({ units: 32, name: 'gtu' }));
  model.add(tf.layers.dense({ units: 1, name: 'logit' }));
  model.add(tf.layers.activation({ activation: 'sigmoid', name: 'prob' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function trainClickbait(model: tf.Sequential, ids: number[][], isClickbait: number[]): Promise<void> {
  const xs = tf.tensor2d(ids);
  const ys = tf.tensor2d(isClickbait, [isClickbait.length, 1]);
  await model.fit(xs, ys, { epochs: 6, batchSize: 64, validationSplit: 0.1, shuffle: true });
  tf.dispose([xs, ys]);
}
