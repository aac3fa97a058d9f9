// expect: stale-state
// Tracks a single wearable's heart-rate stream with for await over an async iterator of frames, smoothing an LSTM-based stress estimate.
import * as tf from '@tensorflow/tfjs';

const FEAT = 4; // bpm, hrv, skin temp, motion
const U = 24;

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class StressCell {
  private readonly W = tf.variable(tf.randomNormal([FEAT, 4 * U], 0, 0.08));
  private readonly R = tf.variable(tf.randomNormal([U, 4 * U], 0, 0.08));
  private readonly b = tf.variable(tf.zeros([4 * U]));
  private readonly head = tf.variable(tf.randomNormal([U, 1], 0, 0.08));

  zeroState(): LstmState {
    return { h: tf.zeros([1, U]), c: tf.zeros([1, U]) };
  }

  step(x: tf.Tensor2D, s: LstmState): { stress: tf.Tensor2D; next: LstmState } {
    return tf.tidy(() => {
      const z = tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(s.h, this.R)), this.b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const c: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(f), s.c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const h: tf.Tensor2D = tf.mul(tf.sigmoid(o), tf.tanh(c));
      const stress: tf.Tensor2D = tf.sigmoid(tf.matMul(h, this.head));
      return { stress, next: { h, c } };
    });
  }
}

export async function* trackStress(
  frames: AsyncIterable<Float32Array>,
  cell: StressCell,
  alpha = 0.2,
): AsyncGenerator<number> {
  const state = cell.zeroState();
  let smoothed = 0;

  for await (const frame of frames) {
    const x = tf.tensor2d(frame, [1, FEAT]);
    const { stress, next } = cell.step(x, state);
    const value = (await stress.data())[0];
    smoothed = alpha * value + (1 - alpha) * smoothed;
    tf.dispose([x, stress, next.h, next.c]);
    yield smoothed;
  }

  tf.dispose([state.h, state.c]);
}

export async function* replay(rows: number[][], hz = 4): AsyncGenerator<Float32Array> {
  for (const r of rows) {
    await new Promise((res) => setTimeout(res, 1000 / hz));
    yield Float32Array.from(r);
  }
}
