// Correct cells that look like the bug: the state reaches the new state through an index read,
// a helper method, a `this` field, a mask, an element of a tuple, or on purpose not at all.
import * as tf from '@tensorflow/tfjs';
import { layers } from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';

// tfjs-layers' own style: the state is read by index, then `inputs` is reassigned to the input.
export class OwnStyleCell extends layers.RNNCell {
  static className = 'OwnStyleCell';
  stateSize = 8;
  kernel!: tf.LayerVariable;
  recurrentKernel!: tf.LayerVariable;

  override call(inputs: tfc.Tensor | tfc.Tensor[], kwargs: { [key: string]: unknown }): tfc.Tensor[] {
    return tfc.tidy(() => {
      if (!Array.isArray(inputs)) throw new Error(`SimpleRNNCell expects [x, h], got ${kwargs}`);
      const prevOutput = inputs[1];
      inputs = inputs[0];
      const h = tfc.matMul(inputs, this.kernel.read());
      let output = tfc.add(h, tfc.matMul(prevOutput, this.recurrentKernel.read()));
      output = tfc.tanh(output);
      return [output, output];
    });
  }
}

// `Array.isArray(inputs) ? inputs[0] : inputs` for the input, the state by index.
export class GuardedCell extends tf.layers.RNNCell {
  static className = 'GuardedCell';
  stateSize = 8;
  private kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const h = (inputs as tf.Tensor[])[1];
    const out = tf.tanh(tf.add(tf.matMul(x, this.kernel), tf.matMul(h, this.recurrentKernel)));
    return [out, out];
  }
}

// The recurrent term is computed by a helper method.
export class HelperCell extends tf.layers.RNNCell {
  static className = 'HelperCell';
  stateSize = 8;
  private kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

  private recurrentTerm(h: tf.Tensor): tf.Tensor {
    return tf.matMul(h, this.recurrentKernel);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const [x, h] = inputs as tf.Tensor[];
    const out = tf.tanh(tf.add(tf.matMul(x, this.kernel), this.recurrentTerm(h)));
    return [out, out];
  }
}

// The state goes through a `this` field that a helper reads.
export class FieldCell extends tf.layers.RNNCell {
  static className = 'FieldCell';
  stateSize = 8;
  private kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
  private previous: tf.Tensor | null = null;

  private mix(x: tf.Tensor): tf.Tensor {
    if (this.previous === null) throw new Error('no state');
    return tf.tanh(tf.add(tf.matMul(x, this.kernel), tf.matMul(this.previous, this.recurrentKernel)));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const list = inputs as tf.Tensor[];
    this.previous = list[1];
    const out = this.mix(list[0]);
    return [out, out];
  }
}

// LSTM: `c` is carried, `h` is returned twice (output and state).
export class LstmCell extends tf.layers.RNNCell {
  static className = 'LstmCell';
  stateSize = [8, 8];
  private kernel = tf.variable(tf.randomNormal([4, 32], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 32], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hTm1, cTm1] = inputs as tf.Tensor[];
      const z = tf.add(tf.matMul(x, this.kernel), tf.matMul(hTm1, this.recurrentKernel));
      const [i, f, g, o] = tf.split(z, 4, 1);
      const c = tf.add(tf.mul(tf.sigmoid(f), cTm1), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const h = tf.mul(tf.sigmoid(o), tf.tanh(c));
      return [h, h, c];
    });
  }
}

// PyTorch-style module (the article's corrected listing): both terms are summed.
export class SimpleRNNCell {
  private wIh = tf.layers.dense({ units: 20, inputShape: [10] });
  private wHh = tf.layers.dense({ units: 20, inputShape: [20] });

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(this.wIh.apply(input) as tf.Tensor, this.wHh.apply(hidden) as tf.Tensor);
    return tf.tanh(combined) as tf.Tensor2D;
  }
}

export function runSimple(inputs: tf.Tensor2D[]): tf.Tensor2D[] {
  const cell = new SimpleRNNCell();
  const states: tf.Tensor2D[] = [];
  let hidden: tf.Tensor2D = tf.zeros([3, 20]);
  for (const x of inputs) {
    hidden = cell.forward(x, hidden);
    states.push(hidden);
  }
  return states;
}

// GRU step with a padding mask: padded steps keep `h` through `tf.where`; the mask is the same
// tensor every step on purpose.
const Wz = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Uz = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const Wn = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Un = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

export function gruStep(x: tf.Tensor2D, h: tf.Tensor2D, keep: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => {
    const z = tf.sigmoid(tf.add(tf.matMul(x, Wz), tf.matMul(h, Uz)));
    const n = tf.tanh(tf.add(tf.matMul(x, Wn), tf.matMul(h, Un)));
    const hNew = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
    return tf.where(keep, hNew, h) as tf.Tensor2D;
  });
}

export function runGru(xs: tf.Tensor2D[], keep: tf.Tensor): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (const x of xs) {
    const next = gruStep(x, h, keep);
    h.dispose();
    h = next;
  }
  return h;
}

// `([x, h]) =>` step called like a cell.
const kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const recurrentKernel = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
export const cellStep = ([x, h]: tf.Tensor[]): tf.Tensor[] => {
  const out = tf.tanh(x.matMul(kernel).add(h.matMul(recurrentKernel)));
  return [out, out];
};

export function runArrow(xs: tf.Tensor[]): tf.Tensor[] {
  let h: tf.Tensor = tf.zeros([1, 8]);
  const outs: tf.Tensor[] = [];
  xs.forEach((x) => {
    const [out, next] = cellStep([x, h]);
    outs.push(out);
    h = next;
  });
  return outs;
}

// A fused LSTM op: the state tuple is read element by element.
const lstmKernel = tf.variable(tf.randomNormal([12, 32], 0, 0.05)) as tf.Variable<tf.Rank.R2>;
const lstmBias = tf.variable(tf.zeros([32])) as tf.Variable<tf.Rank.R1>;
const forgetBias = tf.scalar(1);

export function encodeFused(frames: tf.Tensor2D[]): tf.Tensor2D {
  let carry: tf.Tensor2D[] = [tf.zeros([1, 8]), tf.zeros([1, 8])];
  const lstmStep = (x: tf.Tensor2D, carry: tf.Tensor2D[]) =>
    tf.basicLSTMCell(forgetBias, lstmKernel, lstmBias, x, carry[0], carry[1]);
  for (const x of frames) carry = lstmStep(x, carry);
  return carry[1];
}

// A per-timestep wrapper with the (x, states) signature of an unroll helper; it carries no state
// on purpose and says so by returning an empty list.
export function perTimestep(layer: tf.layers.Layer): (x: tf.Tensor, states: tf.Tensor[]) => [tf.Tensor, tf.Tensor[]] {
  const step = (x: tf.Tensor, states: tf.Tensor[]): [tf.Tensor, tf.Tensor[]] => [layer.apply(x) as tf.Tensor, []];
  return step;
}

// A state tuple passed destructured, both parts used.
export class PairCell {
  constructor(private readonly W: tf.Tensor2D) {}

  forward(x: tf.Tensor2D, [h, c]: [tf.Tensor2D, tf.Tensor2D]): [tf.Tensor2D, tf.Tensor2D] {
    const z = tf.matMul(tf.concat([x, h], 1), this.W);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    const hNew = tf.mul(tf.sigmoid(o), tf.tanh(cNew)) as tf.Tensor2D;
    return [hNew, cNew];
  }
}

// A tuple state returned under its own name next to the output (`{ y, state: [hNext, cNext] }`):
// both elements are read; `state.state` is not a state of its own.
export class NamedTupleLSTM {
  constructor(private readonly W: tf.Tensor2D) {}

  step(x: tf.Tensor2D, state: [tf.Tensor2D, tf.Tensor2D]): { y: tf.Tensor2D; state: [tf.Tensor2D, tf.Tensor2D] } {
    const [h, c] = state;
    const [zi, zf, zg, zo] = tf.split(tf.concat([x, h], 1).matMul(this.W), 4, 1);
    const cNext = tf.sigmoid(zf).mul(c).add(tf.sigmoid(zi).mul(tf.tanh(zg))) as tf.Tensor2D;
    const hNext = tf.sigmoid(zo).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return { y: hNext, state: [hNext, cNext] };
  }
}

// A factory that makes a step: its `hiddenDim` is a size, and the step is the function it returns.
export function makeElmanStep(inputDim: number, hiddenDim: number, outDim: number): (x: tf.Tensor2D, h: tf.Tensor2D) => [tf.Tensor2D, tf.Tensor2D] {
  const Wx = tf.variable(tf.randomNormal([inputDim, hiddenDim], 0, 0.1));
  const Wh = tf.variable(tf.randomNormal([hiddenDim, hiddenDim], 0, 0.1));
  const Wy = tf.variable(tf.randomNormal([hiddenDim, outDim], 0, 0.1));
  return (x, h) => {
    const hNext = tf.tanh(x.matMul(Wx).add(h.matMul(Wh))) as tf.Tensor2D;
    return [hNext.matMul(Wy) as tf.Tensor2D, hNext];
  };
}
