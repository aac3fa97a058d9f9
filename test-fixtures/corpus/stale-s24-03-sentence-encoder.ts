// expect: stale-state
// Streams sentences from an async source and yields one sentence vector each, keeping every step's state for pooling.
import * as tf from '@tensorflow/tfjs';

export interface RecurrentCell {
  readonly units: number;
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
}

export const makeTanhCell = (inputDim: number, units: number, seed = 42): RecurrentCell => {
  const wx = tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed);
  const wh = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
  const b = tf.zeros([units]);
  return {
    units,
    step: (x, h) => tf.tanh(x.matMul(wx).add(h.matMul(wh)).add(b)),
  };
};

export type Pooling = 'last' | 'mean' | 'max';

export async function* encodeSentences(
  source: AsyncIterable<number[][]>,
  cell: RecurrentCell,
  pooling: Pooling = 'mean',
): AsyncGenerator<number[]> {
  for await (const frames of source) {
    const vec = tf.tidy(() => {
      const h0 = tf.zeros([1, cell.units]) as tf.Tensor2D;
      const states: tf.Tensor2D[] = [h0];
      for (const frame of frames) {
        const prev = states.at(0)!;
        states.push(cell.step(tf.tensor2d([frame]), prev));
      }
      const seq = tf.concat(states.slice(1), 0);
      switch (pooling) {
        case 'last':
          return states.at(-1)!.squeeze();
        case 'max':
          return seq.max(0);
        default:
          return seq.mean(0);
      }
    });
    yield Array.from(await vec.data());
    vec.dispose();
  }
}

async function* fromArray<T>(items: readonly T[], delayMs = 0): AsyncGenerator<T> {
  for (const item of items) {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    yield structuredClone(item);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dim = 4;
  const cell = makeTanhCell(dim, 8);
  const frame = (k: number) => Array.from({ length: dim }, (_, i) => Math.sin(k + i));
  const sentences = [
    [frame(0), frame(1), frame(2)],
    [frame(2), frame(1), frame(0)],
    [frame(5), frame(5), frame(5), frame(5)],
  ];
  let n = 0;
  for await (const v of encodeSentences(fromArray(sentences, 5), cell, 'last')) {
    console.log(`sentence ${n++}:`, v.map((x) => x.toFixed(3)).join(' '));
  }
  console.log('live tensors', tf.memory().numTensors);
}
