// expect: tidy-disposed-state
// Streaming keyword spotter: a generic recurrent runner that consumes one audio frame at a time and emits scores.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  initial(): S;
  step(x: tf.Tensor, s: S): { readonly y: tf.Tensor; readonly state: S };
}

export type LstmState = { readonly h: tf.Tensor; readonly c: tf.Tensor };

export function lstmCell(inputDim: number, units: number, classes: number): Cell<LstmState> {
  const w = tf.variable(tf.randomNormal([inputDim + units, 4 * units], 0, 0.2, 'float32', 5));
  const b = tf.variable(tf.zeros([4 * units]));
  const head = tf.variable(tf.randomNormal([units, classes], 0, 0.2, 'float32', 6));
  return {
    initial: () => ({ h: tf.zeros([1, units]), c: tf.zeros([1, units]) }),
    step: (x, { h, c }) => {
      const z = tf.concat([x, h], 1).matMul(w).add(b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
      return { y: tf.softmax(hNext.matMul(head)), state: { h: hNext, c: cNext } };
    },
  };
}

export class StreamingRunner<S> {
  private state: S;
  private frames = 0;

  constructor(private readonly cell: Cell<S>) {
    this.state = cell.initial();
  }

  push(frame: Float32Array): Float32Array {
    const scores = tf.tidy(() => {
      const x = tf.tensor2d(frame, [1, frame.length]);
      const { y, state } = this.cell.step(x, this.state);
      this.state = state;
      return y;
    });
    this.frames += 1;
    const values = scores.dataSync() as Float32Array;
    scores.dispose();
    return values;
  }

  get seen(): number {
    return this.frames;
  }
}

export function spot(frames: readonly Float32Array[], threshold = 0.6): number[] {
  const runner = new StreamingRunner(lstmCell(frames[0].length, 16, 3));
  const hits: number[] = [];
  frames.forEach((frame, t) => {
    const scores = runner.push(frame);
    if (scores[1] > threshold) hits.push(t);
  });
  return hits;
}

if (require.main === module) {
  const frames = Array.from({ length: 8 }, (_, t) =>
    Float32Array.from({ length: 10 }, (_, k) => Math.sin(0.3 * t + k)));
  console.log('keyword at frames', spot(frames));
}
