// Object destructuring inside tidy, and a field that a later public method reads.
import * as tf from '@tensorflow/tfjs';

type LSTM = (x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D) => { h: tf.Tensor2D; c: tf.Tensor2D };

export function run(lstm: LSTM, xs: tf.Tensor2D[], units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  let c = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) {
    tf.tidy(() => {
      ({ h, c } = lstm(x, h, c));
//       ~ tidy-disposed-state
//          ~ tidy-disposed-state
    });
  }
  return h;
}

// refine() runs inside load()'s tidy; summary() reads the prototypes later through the same helper.
export class Prototypes {
  private protos: tf.Tensor2D | null = null;

  load(rows: number[][]): void {
    tf.tidy(() => {
      this.protos = tf.tensor2d(rows);
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      this.refine();
    });
  }

  private refine(): void {
    this.norms();
  }

  private norms(): number[] {
    return Array.from(tf.norm(this.protos!, 'euclidean', 1).dataSync());
  }

  summary(): number[] {
    return this.norms();
  }
}

// The state is created lazily on the first frame (`if (!h)`): the later frames read the `h` the
// previous frame's tidy disposed.
export async function* scores(frames: AsyncIterable<number[]>, step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, units: number) {
  let h: tf.Tensor2D | null = null;
  for await (const frame of frames) {
    if (!h) h = tf.zeros([1, units]);
    const state: tf.Tensor2D = h;
    const score = tf.tidy(() => {
      const next = step(tf.tensor2d([frame]), state);
      h = next;
//    ~~~~~~~~ tidy-disposed-state
      return next.sum();
    });
    yield (await score.data())[0];
  }
}

// A stored object that also holds a plain number: only the tensor is kept.
export class CountingDecoder {
  private state: { h: tf.Tensor2D; step: number } = { h: tf.zeros([1, 4]) as tf.Tensor2D, step: 0 };
  private readonly U = tf.variable(tf.randomNormal([4, 4], 0, 0.1));

  advance(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const h = tf.tanh(x.add(tf.matMul(this.state.h, this.U))) as tf.Tensor2D;
      this.state = { h, step: this.state.step + 1 };
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      return h.clone();
    });
  }
}
