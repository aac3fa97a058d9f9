// expect: stale-state
// Async gesture recogniser: consumes accelerometer frames from an async source and classifies the whole gesture.
import * as tf from '@tensorflow/tfjs';

export interface RecurrentCell<S> {
  initial(): S;
  step(frame: tf.Tensor, state: S): Promise<{ readonly logits: tf.Tensor; readonly state: S }>;
}

export interface GruState {
  readonly h: tf.Tensor;
  readonly t: number;
}

export function gruCell(dim: number, units: number, classes: number): RecurrentCell<GruState> {
  const w = tf.randomNormal([dim, 3 * units], 0, 0.4, 'float32', 17);
  const u = tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', 18);
  const out = tf.randomNormal([units, classes], 0, 0.4, 'float32', 19);
  return {
    initial: () => ({ h: tf.zeros([1, units]), t: 0 }),
    async step(frame, { h, t }) {
      const [zx, rx, nx] = tf.split(frame.matMul(w), 3, 1);
      const [zh, rh, nh] = tf.split(h.matMul(u), 3, 1);
      const z = tf.sigmoid(zx.add(zh));
      const r = tf.sigmoid(rx.add(rh));
      const n = tf.tanh(nx.add(r.mul(nh)));
      const hNext = tf.sub(1, z).mul(n).add(z.mul(h));
      return { logits: hNext.matMul(out), state: { h: hNext, t: t + 1 } };
    },
  };
}

export async function* frameSource(samples: readonly number[][], delayMs = 0): AsyncGenerator<number[]> {
  for (const s of samples) {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    yield s;
  }
}

export async function classifyGesture<S>(
  cell: RecurrentCell<S>,
  frames: AsyncIterable<number[]>,
): Promise<{ label: number; finalState: S; steps: number }> {
  const state = cell.initial();
  let finalState = state;
  let logits: tf.Tensor | undefined;
  let steps = 0;
  for await (const f of frames) {
    const result = await cell.step(tf.tensor2d([f]), state);
    logits = result.logits;
    finalState = result.state;
    steps += 1;
  }
  if (!logits) throw new Error('empty gesture');
  const label = (await logits.argMax(1).data())[0];
  return { label, finalState, steps };
}

export const GESTURES = ['shake', 'circle', 'swipe'] as const;

if (require.main === module) {
  const samples = Array.from({ length: 12 }, (_, t) => [Math.sin(t), Math.cos(t), 0.1 * t]);
  classifyGesture(gruCell(3, 8, GESTURES.length), frameSource(samples, 1)).then(({ label, steps }) =>
    console.log(`gesture=${GESTURES[label]} after ${steps} frames`));
}
