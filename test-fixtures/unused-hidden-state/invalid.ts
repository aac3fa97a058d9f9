// Steps whose incoming state never reaches what they return.
import * as tf from '@tensorflow/tfjs';

// The article's second listing, in tfjs: the hidden path is declared but never applied.
export class IncorrectRNNCell {
  private wIh: tf.layers.Layer;
  private wHh: tf.layers.Layer;

  constructor(inputSize: number, hiddenSize: number) {
    this.wIh = tf.layers.dense({ units: hiddenSize, inputShape: [inputSize] });
    this.wHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize] });
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
//                            ~~~~~~ unused-hidden-state
    const combined = this.wIh.apply(input) as tf.Tensor2D;
    return tf.relu(combined);
  }
}

export function run(inputs: tf.Tensor2D[]): tf.Tensor2D {
  const cell = new IncorrectRNNCell(10, 20);
  let hidden: tf.Tensor2D = tf.zeros([3, 20]);
  for (const x of inputs) hidden = cell.forward(x, hidden);
  return hidden;
}

// An RNNCell that destructures the state and forgets it; its recurrent kernel is a LayerVariable.
export class ElmanCell extends tf.layers.RNNCell {
  static className = 'ElmanCell';
  stateSize = 8;
  kernel!: tf.LayerVariable;
  recurrentKernel!: tf.LayerVariable;

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.kernel = this.addWeight('kernel', [shape[shape.length - 1]!, 8], 'float32', tf.initializers.glorotNormal({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [8, 8], 'float32', tf.initializers.orthogonal({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
//              ~~~~~ unused-hidden-state
      const out = tf.tanh(tf.matMul(x, this.kernel.read()));
      return [out, out];
    });
  }
}

// A cell that never even reads `inputs[1]`.
export class FeedForwardCell extends tf.layers.RNNCell {
  static className = 'FeedForwardCell';
  stateSize = 8;
  private kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
//         ~~~~ unused-hidden-state
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const h = tf.tanh(tf.matMul(x, this.kernel));
    return [h, h];
  }
}

// The recurrent term is computed, then the pre-activation is built without it.
export class DroppedTermCell extends tf.layers.RNNCell {
  static className = 'DroppedTermCell';
  stateSize = 8;
  private wx = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
  private wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const x = (inputs as tf.Tensor[])[0];
    const hPrev = (inputs as tf.Tensor[])[1];
//        ~~~~~ unused-hidden-state
    const fromInput = tf.matMul(x, this.wx);
    const fromState = tf.matMul(hPrev, this.wh);
    const hNew = tf.tanh(fromInput);
    return [hNew, hNew];
  }
}

// The state is only logged through a field nobody reads.
export class DebugCell extends tf.layers.RNNCell {
  static className = 'DebugCell';
  stateSize = 8;
  lastStateNorm = 0;
  private kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { [key: string]: unknown }): tf.Tensor[] {
    const [x, prev] = inputs as tf.Tensor[];
//            ~~~~ unused-hidden-state
    if (kwargs['training'] === true) this.lastStateNorm = tf.norm(prev).dataSync()[0]!;
    const out = tf.tanh(tf.matMul(x, this.kernel));
    return [out, out];
  }
}

// The helper the state is handed to ignores it.
export class HelperCell extends tf.layers.RNNCell {
  static className = 'HelperCell';
  stateSize = 8;
  private kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

  private preActivation(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
    return tf.matMul(x, this.kernel);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const [x, h] = inputs as tf.Tensor[];
//            ~ unused-hidden-state
    const out = tf.tanh(this.preActivation(x, h));
    return [out, out];
  }
}

// LSTM step: `cPrev` is taken in, but the new cell state has no forget path.
const H = 8;
const Wx = tf.variable(tf.randomNormal([4, 4 * H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, 4 * H], 0, 0.1));

export function lstmStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
//                                                           ~~~~~ unused-hidden-state
  return tf.tidy(() => {
    const gates = tf.add(tf.matMul(x, Wx), tf.matMul(hPrev, Wh)) as tf.Tensor2D;
    const [i, , g, o] = tf.split(gates, 4, 1);
    const c = tf.mul(tf.sigmoid(i), tf.tanh(g)) as tf.Tensor2D;
    const h = tf.mul(tf.sigmoid(o), tf.tanh(c)) as tf.Tensor2D;
    return [h, c];
  });
}

export function runLstm(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  let c: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) [h, c] = lstmStep(x, h, c);
  return h;
}

// A GRU whose three gates all read the input only: one recurrent weight per gate, none used.
export class GruCell {
  private wz = tf.variable(tf.randomNormal([4, H], 0, 0.1));
  private wn = tf.variable(tf.randomNormal([4, H], 0, 0.1));
  private uz = tf.variable(tf.randomNormal([H, H], 0, 0.1));
  private un = tf.variable(tf.randomNormal([H, H], 0, 0.1));

  forward(x: tf.Tensor2D, hPrev: tf.Tensor2D): tf.Tensor2D {
//                        ~~~~~ unused-hidden-state
    const z = tf.sigmoid(tf.matMul(x, this.wz));
    const n = tf.tanh(tf.matMul(x, this.wn));
    return tf.mul(tf.sub(1, z), n) as tf.Tensor2D;
  }
}

// `([x, h]) =>`: bound and never read, and no recurrent weight exists at all.
const kernel = tf.variable(tf.randomNormal([4, H], 0, 0.1));
export const rnnStep = ([x, h]: tf.Tensor[]): tf.Tensor[] => {
//                          ~ unused-hidden-state
  const out = tf.tanh(x.matMul(kernel));
  return [out, out];
};
