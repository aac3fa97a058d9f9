// expect: stacked-activation
// A custom tf.layers.Layer subclass (with computeOutputShape) gates each LSTM timestep output before a time-distributed classifier tags keystroke sequences.
import * as tf from '@tensorflow/tfjs';

const squash = (t: tf.Tensor): tf.Tensor => tf.sigmoid(t);
const bound = (t: tf.Tensor): tf.Tensor => t.tanh();

class StepGate extends tf.layers.Layer {
  static className = 'StepGate';
  private kernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;

  constructor(config?: { name?: string }) {
    super(config ?? {});
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    const dim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight('kernel', [dim, dim], 'float32', tf.initializers.glorotNormal({}));
    this.bias = this.addWeight('bias', [dim], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const [batch, time, dim] = x.shape as number[];
      const flat = tf.reshape(x, [batch * time, dim]);
      const pre = tf.add(tf.matMul(flat, this.kernel.read()), this.bias.read());
      const gate = bound(squash(pre));
      return tf.mul(x, tf.reshape(gate, [batch, time, dim]));
    });
  }
}
tf.serialization.registerClass(StepGate);

export function buildKeystrokeTagger(maxLen: number, features: number, classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 64, returnSequences: true, inputShape: [maxLen, features] }));
  model.add(new StepGate({ name: 'step_gate' }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: classes, activation: 'softmax' }) }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  return model;
}

export async function trainTagger(
  model: tf.Sequential,
  xs: number[][][],
  labels: number[][],
  classes: number,
): Promise<number[]> {
  const x = tf.tensor3d(xs);
  const y = tf.oneHot(tf.tensor2d(labels, undefined, 'int32'), classes);
  const h = await model.fit(x, y, { epochs: 10, batchSize: 16, validationSplit: 0.1 });
  tf.dispose([x, y]);
  return h.history.loss as number[];
}
