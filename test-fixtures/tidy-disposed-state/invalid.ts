// A tensor stored inside tf.tidy into a variable or field from outside, then read after tidy
// returned: tidy has already disposed it.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([2, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// The new state is created inside tidy: the next step reads a disposed tensor.
export function encode(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) {
    tf.tidy(() => {
      h = step(x, h);
//    ~~~~~~~~~~~~~~ tidy-disposed-state
    });
  }
  return h;
}

// An LSTM cell's states destructured inside tidy.
const lstm = tf.layers.lstmCell({ units: H });
lstm.build([null, 2]);

export function encodeFrames(frames: tf.Tensor2D[]): number[] {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  const outputs: number[] = [];
  for (const x of frames) {
    tf.tidy(() => {
      let out: tf.Tensor | undefined;
      [out, h, c] = lstm.call([x, h, c], {}) as tf.Tensor[];
//          ~ tidy-disposed-state
//             ~ tidy-disposed-state
      outputs.push(out!.dataSync()[0]!);
    });
  }
  return outputs;
}

// A streaming object keeps its state in a field assigned inside tidy.
export class StreamingRNN {
  state: tf.Tensor2D = tf.zeros([1, H]);

  push(frame: tf.Tensor2D): void {
    tf.tidy(() => {
      const pre = tf.matMul(frame, Wx).add(tf.matMul(this.state, Wh));
      this.state = tf.tanh(pre) as tf.Tensor2D;
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    });
  }
}

// A state object passed in, its field assigned from a tensor made inside tidy.
const gru = tf.layers.gruCell({ units: H });
gru.build([null, 2]);

export function feedAll(frames: tf.Tensor2D[], state: { h: tf.Tensor }): void {
  let t = 0;
  while (t < frames.length) {
    tf.tidy(() => {
      const [, next] = gru.call([frames[t]!, state.h], {}) as tf.Tensor[];
      state.h = next!;
//    ~~~~~~~~~~~~~~~ tidy-disposed-state
    });
    t++;
  }
}

// tidy returns the loss; the state assigned next to it is disposed.
export function trainingLosses(xs: tf.Tensor2D[], target: tf.Tensor2D): number[] {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  const losses: number[] = [];
  xs.forEach((x) => {
    const loss = tf.tidy(() => {
      h = step(x, h);
//    ~~~~~~~~~~~~~~ tidy-disposed-state
      return tf.losses.meanSquaredError(target, h);
    });
    losses.push(loss.dataSync()[0]!);
  });
  return losses;
}

// A state computed by a cell function held in a field: tidy disposes it when it returns the head's output.
export class StreamingCell {
  private h: tf.Tensor2D;

  constructor(private readonly cell: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, private readonly head: tf.LayersModel, units: number) {
    this.h = tf.zeros([1, units]);
  }

  push(frame: number[]): tf.Tensor {
    return tf.tidy(() => {
      const hNew = this.cell(tf.tensor2d([frame]), this.h);
      this.h = hNew;
//    ~~~~~~~~~~~~~ tidy-disposed-state
      return this.head.predict(hNew) as tf.Tensor;
    });
  }

  latest(): tf.Tensor2D {
    return this.h;
  }
}
