// expect: stale-state
// Voice-activity meter: reads audio feature frames from a fetch() body stream and emits a speech probability per frame.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const BANDS = 8;
const UNITS = 12;

export class VadCell {
  private readonly wx = tf.randomNormal([BANDS, UNITS], 0, 0.4, 'float32', 121) as tf.Tensor2D;
  private readonly wh = tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 122) as tf.Tensor2D;
  private readonly b = tf.zeros([UNITS]) as tf.Tensor1D;
  private readonly wo = tf.randomNormal([UNITS, 1], 0, 0.6, 'float32', 123) as tf.Tensor2D;

  zero(): tf.Tensor2D {
    return tf.zeros([1, UNITS]);
  }

  step(frame: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.matMul(frame, this.wx).add(tf.matMul(h, this.wh)).add(this.b));
  }

  speech(h: tf.Tensor2D): tf.Tensor {
    return tf.sigmoid(tf.matMul(h, this.wo));
  }
}

function framesFromBytes(bytes: Uint8Array): number[][] {
  const floats = new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
  const frames: number[][] = [];
  for (let i = 0; i + BANDS <= floats.length; i += BANDS) frames.push(Array.from(floats.subarray(i, i + BANDS)));
  return frames;
}

export async function runVad(
  stream: ReadableStream<Uint8Array>,
  cell: VadCell,
  onFrame: (p: number) => void,
): Promise<number> {
  const reader = stream.getReader();
  let state = cell.zero();
  let count = 0;

  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    const frames = framesFromBytes(value);
    if (frames.length === 0) continue;

    const [probs, last] = tf.tidy(() => {
      const hs = frames.reduce<tf.Tensor2D[]>((acc, f) => {
        const h = cell.step(tf.tensor2d([f]), state);
        acc.push(h);
        return acc;
      }, []);
      const p = tf.concat(hs.map((h) => cell.speech(h)));
      return [p, hs[hs.length - 1]];
    });

    for (const p of await probs.data()) {
      onFrame(p);
      count++;
    }
    probs.dispose();
    state.dispose();
    state = last as tf.Tensor2D;
  }
  state.dispose();
  return count;
}

export async function meterFromUrl(url: string, bar: HTMLElement): Promise<number> {
  const res = await fetch(url);
  if (!res.body) throw new Error('stream not supported');
  return runVad(res.body, new VadCell(), (p) => {
    bar.style.width = `${Math.round(p * 100)}%`;
    bar.classList.toggle('speaking', p > 0.6);
  });
}
