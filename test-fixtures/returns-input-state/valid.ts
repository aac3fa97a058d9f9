// Correct steps that hand on their incoming state on purpose, or only look like they do.
import * as tf from '@tensorflow/tfjs';
import { layers } from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';

// tfjs-layers' own style: `[output, output]`, the output is the new state.
export class OwnStyleCell extends layers.RNNCell {
  static className = 'OwnStyleCell';
  stateSize = 8;
  kernel!: tf.LayerVariable;
  recurrentKernel!: tf.LayerVariable;

  override call(inputs: tfc.Tensor | tfc.Tensor[], kwargs: { [key: string]: unknown }): tfc.Tensor[] {
    return tfc.tidy(() => {
      if (!Array.isArray(inputs)) throw new Error(`expected [x, h] (${Object.keys(kwargs)})`);
      const prevOutput = inputs[1];
      inputs = inputs[0];
      const h = tfc.matMul(inputs, this.kernel.read());
      let output = tfc.add(h, tfc.matMul(prevOutput, this.recurrentKernel.read()));
      output = tfc.tanh(output);
      return [output, output];
    });
  }
}

// LSTM: `[h, h, c]` with h and c the new ones.
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

// An attention decoder cell: the encoder memory rides along as a state, unchanged on purpose.
export class AttentionCell extends tf.layers.RNNCell {
  static className = 'AttentionCell';
  stateSize = [8, 8];
  private kernel = tf.variable(tf.randomNormal([12, 8], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const [x, h, memory] = inputs as tf.Tensor[];
    const scores = tf.softmax(tf.sum(tf.mul(memory, h), -1, true));
    const context = tf.sum(tf.mul(scores, memory), 0, true);
    const hNext = tf.tanh(tf.add(tf.matMul(tf.concat([x, context], 1), this.kernel), tf.matMul(h, this.recurrentKernel)));
    return [hNext, hNext, memory];
  }
}

// GRU step with a mask: padded steps keep `h` through `tf.where`.
const Wz = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Uz = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const Wn = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Un = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

export function gruStep(x: tf.Tensor2D, h: tf.Tensor2D, mask: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => {
    const z = tf.sigmoid(tf.add(tf.matMul(x, Wz), tf.matMul(h, Uz)));
    const n = tf.tanh(tf.add(tf.matMul(x, Wn), tf.matMul(h, Un)));
    const hNew = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
    return tf.where(mask, hNew, h) as tf.Tensor2D;
  });
}

// Padded timesteps return the state they got; real ones the new state.
export function maskedLstmStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D, isPadding: boolean): [tf.Tensor2D, tf.Tensor2D] {
  if (isPadding) {
    return [h, c];
  }
  const z = tf.add(tf.matMul(x, Wz), tf.matMul(h, Uz)) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
  return [hNext, cNext];
}

export function runMasked(xs: tf.Tensor2D[], length: number): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  let c: tf.Tensor2D = tf.zeros([1, 8]);
  xs.forEach((x, t) => {
    [h, c] = maskedLstmStep(x, h, c, t >= length);
  });
  return h;
}

// An object state, every member new.
export interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }

export function lstmStep(x: tf.Tensor2D, { h, c }: LstmState): LstmState {
  const z = tf.matMul(tf.concat([x, h], 1), Wz) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNew = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  const hNew = tf.mul(tf.sigmoid(o), tf.tanh(cNew)) as tf.Tensor2D;
  return { h: hNew, c: cNew };
}

// [output, nextState] where the output is a projection of the new state.
const V = tf.variable(tf.randomNormal([8, 3], 0, 0.1));
export const makeStep = (W: tf.Tensor2D, U: tf.Tensor2D) =>
  (x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] => {
    const hNext = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
    return [tf.matMul(hNext, V), hNext];
  };

// PyTorch-style forward returning the new hidden state.
export class SimpleRNNCell {
  private wIh = tf.layers.dense({ units: 8, inputShape: [4] });
  private wHh = tf.layers.dense({ units: 8, inputShape: [8] });

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const newHidden = tf.tanh(tf.add(this.wIh.apply(input) as tf.Tensor, this.wHh.apply(hidden) as tf.Tensor));
    return newHidden as tf.Tensor2D;
  }
}

// Unnamed states read by index; the second is an encoder memory handed on unchanged. The local
// `c` is a concatenation, not a new cell state.
export class MemoryCell extends tf.layers.RNNCell {
  static className = 'MemoryCell';
  stateSize = [8, 8];
  private kernel = tf.variable(tf.randomNormal([12, 8], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const list = inputs as tf.Tensor[];
    const context = tf.mean(list[2], 0, true);
    const c = tf.concat([list[0], context], 1);
    const h = tf.tanh(tf.matMul(c, this.kernel).add(list[1]));
    return [h, h, list[2]];
  }
}

// A tuple state in, a tuple state out, both new; and a padding step that keeps the tuple as it is
// on one path only.
export class TupleLSTMCell {
  constructor(private readonly W: tf.Tensor2D, private readonly V: tf.Tensor2D) {}

  forward(x: tf.Tensor2D, [h, c]: tf.Tensor2D[], pad = false): [tf.Tensor, tf.Tensor[]] {
    if (pad) return [h.matMul(this.V), [h, c]];
    const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(this.W), 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
    return [hNext.matMul(this.V), [hNext, cNext]];
  }
}

// The same tuple state returned new, and passed through unchanged on a padding branch only.
export class CarryLSTMCell {
  constructor(private readonly Wx: tf.Tensor2D, private readonly Wh: tf.Tensor2D) {}

  forward(input: tf.Tensor2D, carry: [tf.Tensor2D, tf.Tensor2D], pad = false): [tf.Tensor2D, [tf.Tensor2D, tf.Tensor2D]] {
    const [h, c] = carry;
    if (pad) return [h, [h, c]];
    const [zi, zf, zg, zo] = tf.split(input.matMul(this.Wx).add(h.matMul(this.Wh)), 4, -1);
    const c_n = zf.sigmoid().mul(c).add(zi.sigmoid().mul(zg.tanh())) as tf.Tensor2D;
    const h_n = zo.sigmoid().mul(c_n.tanh()) as tf.Tensor2D;
    return [h_n, [h_n, c_n]];
  }
}

// The same shape returned right, and on a masked branch the whole old tuple on purpose.
export class PeepholeTupleLSTMCell {
  constructor(private readonly W: tf.Tensor2D) {}

  step(x: tf.Tensor2D, state: [tf.Tensor2D, tf.Tensor2D], masked = false): { y: tf.Tensor2D; state: [tf.Tensor2D, tf.Tensor2D] } {
    const [h, c] = state;
    if (masked) return { y: h, state: [h, c] };
    const [zi, zf, zg, zo] = tf.split(tf.concat([x, h], 1).matMul(this.W), 4, 1);
    const cNext = tf.sigmoid(zf).mul(c).add(tf.sigmoid(zi).mul(tf.tanh(zg))) as tf.Tensor2D;
    const hNext = tf.sigmoid(zo).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return { y: hNext, state: [hNext, cNext] };
  }
}

// [output, stateObject] with every member advanced.
interface CarryObject { h: tf.Tensor2D; c: tf.Tensor2D }

export function lstmStepObject(kernel: tf.Tensor2D, x: tf.Tensor2D, carry: CarryObject): [tf.Tensor2D, CarryObject] {
  const z = tf.matMul(tf.concat([x, carry.h], 1), kernel);
  const [i, f, g, o] = tf.split(z, 4, 1) as tf.Tensor2D[];
  const newC = tf.add(tf.mul(carry.c, tf.sigmoid(f!)), tf.mul(tf.sigmoid(i!), tf.tanh(g!))) as tf.Tensor2D;
  const newH = tf.mul(tf.tanh(newC), tf.sigmoid(o!)) as tf.Tensor2D;
  return [newH, { h: newH, c: newC }];
}
