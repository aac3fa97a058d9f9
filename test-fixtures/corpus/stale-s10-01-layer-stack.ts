// expect: stale-state
// Multi-layer Elman RNN with a small torch.nn-like Module API; encodes embedded token sequences for the intent model.
import * as tf from '@tensorflow/tfjs';

export type Hidden = tf.Tensor2D;

export abstract class Module {
  protected readonly params: tf.Variable[] = [];

  protected param(shape: number[], scale = 0.1): tf.Variable {
    const v = tf.variable(tf.randomNormal(shape, 0, scale));
    this.params.push(v);
    return v;
  }

  parameters(): tf.Variable[] {
    return this.params.slice();
  }
}

export abstract class RecurrentCell extends Module {
  constructor(readonly inputSize: number, readonly hiddenSize: number) {
    super();
  }

  initHidden(batch: number): Hidden {
    return tf.zeros([batch, this.hiddenSize]);
  }

  abstract forward(input: tf.Tensor2D, hidden: Hidden): Hidden;
}

export class ElmanCell extends RecurrentCell {
  private readonly wIh: tf.Variable;
  private readonly wHh: tf.Variable;
  private readonly bias: tf.Variable;

  constructor(inputSize: number, hiddenSize: number) {
    super(inputSize, hiddenSize);
    this.wIh = this.param([inputSize, hiddenSize]);
    this.wHh = this.param([hiddenSize, hiddenSize]);
    this.bias = this.param([hiddenSize], 0.01);
  }

  override forward(input: tf.Tensor2D, hidden: Hidden): Hidden {
    return tf.tidy(() =>
      tf.tanh(tf.add(tf.add(tf.matMul(input, this.wIh), tf.matMul(hidden, this.wHh)), this.bias)) as Hidden,
    );
  }
}

export interface StackOutput {
  outputs: tf.Tensor2D[];
  hidden: Hidden[];
}

export class StackedRNN extends Module {
  readonly layers: RecurrentCell[] = [];

  constructor(inputSize: number, hiddenSize: number, numLayers: number) {
    super();
    for (let l = 0; l < numLayers; l++) {
      this.layers.push(new ElmanCell(l === 0 ? inputSize : hiddenSize, hiddenSize));
    }
  }

  override parameters(): tf.Variable[] {
    return this.layers.flatMap((layer) => layer.parameters());
  }

  initHidden(batch: number): Hidden[] {
    return this.layers.map((layer) => layer.initHidden(batch));
  }

  forward(inputs: tf.Tensor2D[], hidden?: Hidden[]): StackOutput {
    const states = hidden ?? this.initHidden(inputs[0].shape[0]);
    const next: Hidden[] = states.slice();
    const outputs: tf.Tensor2D[] = [];

    for (const x of inputs) {
      let layerInput = x;
      this.layers.forEach((layer, l) => {
        next[l] = layer.forward(layerInput, states[l]);
        layerInput = next[l];
      });
      outputs.push(layerInput);
    }
    return { outputs, hidden: next };
  }
}

export function encodeBatch(rnn: StackedRNN, batch: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    const steps = tf.unstack(batch, 1) as tf.Tensor2D[];
    const { hidden } = rnn.forward(steps);
    return hidden[hidden.length - 1];
  });
}

if (require.main === module) {
  const rnn = new StackedRNN(8, 16, 3);
  const batch = tf.randomNormal([4, 12, 8]) as tf.Tensor3D;
  const summary = encodeBatch(rnn, batch);
  console.log('sentence vectors', summary.shape);
  summary.print();
}
