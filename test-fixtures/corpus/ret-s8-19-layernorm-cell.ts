// expect: returns-input-state
// A small hierarchy of custom recurrent cells (plain and layer-normalised) sharing weight setup, plugged into tf.layers.rnn for a gesture model.
import * as tf from '@tensorflow/tfjs';

abstract class DenseRecurrentCell extends tf.layers.Layer {
  readonly units: number;
  stateSize: number;
  dropoutMask!: tf.Tensor | tf.Tensor[];
  recurrentDropoutMask!: tf.Tensor | tf.Tensor[];
  protected kernel!: tf.LayerVariable;
  protected recurrentKernel!: tf.LayerVariable;
  protected bias!: tf.LayerVariable;

  constructor(units: number, name?: string) {
    super({ name });
    this.units = units;
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = s[s.length - 1] as number;
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.buildExtra();
    this.built = true;
  }

  protected buildExtra(): void {}

  protected preActivation(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
    return tf.matMul(x, this.kernel.read()).add(tf.matMul(h, this.recurrentKernel.read())).add(this.bias.read());
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [s[0], this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}

export class PlainRecurrentCell extends DenseRecurrentCell {
  static className = 'PlainRecurrentCell';

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor[];
      const hNext = tf.tanh(this.preActivation(x, h));
      return [hNext, hNext];
    });
  }
}

export class LayerNormRecurrentCell extends DenseRecurrentCell {
  static className = 'LayerNormRecurrentCell';
  private gamma!: tf.LayerVariable;
  private beta!: tf.LayerVariable;

  protected override buildExtra(): void {
    this.gamma = this.addWeight('gamma', [this.units], 'float32', tf.initializers.ones());
    this.beta = this.addWeight('beta', [this.units], 'float32', tf.initializers.zeros());
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, ...states] = inputs as tf.Tensor[];
      const pre = this.preActivation(x, states[0]);
      const { mean, variance } = tf.moments(pre, -1, true);
      const normed = pre.sub(mean).div(variance.add(1e-5).sqrt()).mul(this.gamma.read()).add(this.beta.read());
      const hNext = tf.tanh(normed);
      return [hNext, ...states];
    });
  }
}

tf.serialization.registerClass(PlainRecurrentCell);
tf.serialization.registerClass(LayerNormRecurrentCell);

export function gestureModel(steps: number, axes: number, gestures: number, normalised = true): tf.LayersModel {
  const cell = normalised ? new LayerNormRecurrentCell(32) : new PlainRecurrentCell(32);
  const model = tf.sequential();
  model.add(tf.layers.rnn({ cell, inputShape: [steps, axes] }));
  model.add(tf.layers.dense({ units: gestures, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}
