// Correct uses of tf.tidy around recurrent steps.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([2, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// The state is returned from tidy (preferred).
export function encode(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) {
    const prev = h;
    h = tf.tidy(() => step(x, prev));
    prev.dispose();
  }
  return h;
}

// tf.keep used right: the kept tensor survives tidy, the old state is disposed by hand.
const gru = tf.layers.gruCell({ units: H });
gru.build([null, 2]);

export function encodeKeep(frames: tf.Tensor2D[]): tf.Tensor {
  let h: tf.Tensor = tf.zeros([1, H]);
  for (const x of frames) {
    const prev = h;
    tf.tidy(() => {
      const [, next] = gru.call([x, prev], {}) as tf.Tensor[];
      h = tf.keep(next!);
    });
    prev.dispose();
  }
  return h;
}

// Only plain numbers escape the tidy (loss values, norms); the state is returned from it.
export function trace(frames: tf.Tensor2D[], target: tf.Tensor2D): number[] {
  const losses: number[] = [];
  let lastLoss = 0;
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of frames) {
    h = tf.tidy(() => {
      const next = step(x, h);
      lastLoss = tf.losses.meanSquaredError(target, next).dataSync()[0]!;
      return next;
    });
    losses.push(lastLoss);
  }
  return losses;
}

// Both LSTM states returned from tidy as a pair.
const lstm = tf.layers.lstmCell({ units: H });
lstm.build([null, 2]);

export function encodePair(frames: tf.Tensor2D[]): tf.Tensor {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  for (const x of frames) {
    [h, c] = tf.tidy(() => {
      const [, h2, c2] = lstm.call([x, h, c], {}) as tf.Tensor[];
      return [h2!, c2!];
    });
  }
  return h;
}

// A parameter rebound inside tidy and only read inside it.
export function sampleWithTemperature(probs: tf.Tensor2D, temperature: number): tf.Tensor1D {
  return tf.tidy(() => {
    probs = tf.pow(probs, tf.scalar(1 / temperature)) as tf.Tensor2D;
    const norm = probs.div(probs.sum(-1, true)) as tf.Tensor2D;
    return tf.multinomial(tf.log(norm) as tf.Tensor2D, 1, undefined, true).reshape([-1]) as tf.Tensor1D;
  });
}

// Outer lets assigned inside tidy and only inspected inside it.
export function checkTwice(model: tf.LayersModel, x: tf.Tensor): number[] {
  const seen: number[] = [];
  let first: tf.Tensor;
  tf.tidy(() => {
    first = model.predict(x) as tf.Tensor;
    seen.push(first.dataSync()[0]!);
  });
  tf.tidy(() => {
    first = model.predict(x) as tf.Tensor;
    seen.push(first.dataSync()[0]!);
  });
  return seen;
}

// A tf.Variable state updated in place inside tidy: assign() copies the value into the variable.
export function variableState(xs: tf.Tensor2D[]): tf.Variable {
  const state = tf.variable(tf.zeros([1, H]), false);
  for (const x of xs) {
    tf.tidy(() => {
      state.assign(step(x, state as tf.Tensor2D));
    });
  }
  return state;
}

// A field drawn fresh inside tidy and read only after that, inside the same callback.
export class RandomScale {
  private factor: tf.Tensor | null = null;

  constructor(private readonly low: number, private readonly high: number) {}

  scale(images: tf.Tensor4D): tf.Tensor4D {
    return tf.tidy(() => {
      this.factor = tf.randomUniform([1], this.low, this.high);
      return images.mul(this.factor) as tf.Tensor4D;
    });
  }
}

// The same streaming cell, keeping the new state and disposing the old one itself.
export class StreamingCellKept {
  private h: tf.Tensor2D;

  constructor(private readonly cell: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, private readonly head: tf.LayersModel, units: number) {
    this.h = tf.zeros([1, units]);
  }

  push(frame: number[]): tf.Tensor {
    const old = this.h;
    const out = tf.tidy(() => {
      const hNew = tf.keep(this.cell(tf.tensor2d([frame]), this.h));
      this.h = hNew;
      return this.head.predict(hNew) as tf.Tensor;
    });
    old.dispose();
    return out;
  }

  latest(): tf.Tensor2D {
    return this.h;
  }
}

// Every frame starts from a state made on both branches of an if/else before the tidy: the value
// the tidy stored (and disposed) is never read.
export function framewise(frames: number[][], step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, warm: tf.Tensor2D | null, units: number): number[] {
  let h: tf.Tensor2D = tf.zeros([1, units]);
  const out: number[] = [];
  for (const frame of frames) {
    if (warm) h = warm.clone();
    else h = tf.zeros([1, units]);
    const state = h;
    out.push(tf.tidy(() => {
      h = step(tf.tensor2d([frame]), state);
      return h.sum().dataSync()[0]!;
    }));
  }
  return out;
}
