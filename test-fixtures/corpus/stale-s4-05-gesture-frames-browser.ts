// expect: stale-state
// Browser gesture classifier: motion frames are buffered from an event listener and run through a small GRU on pointerup; the frame loop destructures the new state as hNext but keeps calling the cell with the original h.
import * as tf from '@tensorflow/tfjs';

interface MotionEventLike { x: number; y: number; pressure?: number; timeStamp: number }
interface EventTargetLike {
  addEventListener(type: string, cb: (ev: MotionEventLike) => void): void;
}
interface LabelLike { textContent: string | null }
declare const canvas: EventTargetLike;
declare const resultLabel: LabelLike;
declare const performance: { now(): number };

const GESTURES = ['circle', 'swipe-left', 'swipe-right', 'zigzag'];
const HIDDEN = 48;

class GestureGRU {
  constructor(private readonly w: Record<string, tf.Tensor2D>, private readonly b: Record<string, tf.Tensor1D>) {}

  step(frame: tf.Tensor2D, h: tf.Tensor2D): { out: tf.Tensor2D; h: tf.Tensor2D } {
    const xh = tf.concat([frame, h], 1);
    const z = tf.sigmoid(tf.matMul(xh, this.w.z).add(this.b.z));
    const r = tf.sigmoid(tf.matMul(xh, this.w.r).add(this.b.r));
    const cand = tf.tanh(tf.matMul(tf.concat([frame, r.mul(h)], 1), this.w.h).add(this.b.h));
    const hNew = tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, cand)) as tf.Tensor2D;
    return { out: hNew, h: hNew };
  }

  classify(frames: number[][]): number[] {
    return tf.tidy(() => {
      const h = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
      let last = h;
      for (const f of frames) {
        const { out, h: hNext } = this.step(tf.tensor2d([f]), h);
        last = out;
      }
      const logits = tf.matMul(last, this.w.cls).add(this.b.cls);
      return Array.from(tf.softmax(logits).dataSync());
    });
  }
}

function normalise(buf: MotionEventLike[]): number[][] {
  if (buf.length === 0) return [];
  const x0 = buf[0].x, y0 = buf[0].y, t0 = buf[0].timeStamp;
  return buf.map((e) => [(e.x - x0) / 200, (e.y - y0) / 200, e.pressure ?? 0.5, (e.timeStamp - t0) / 1000]);
}

export async function startGestureDemo(weightsUrl: string, loader: (url: string) => Promise<{
  w: Record<string, number[][]>; b: Record<string, number[]>;
}>): Promise<void> {
  const raw = await loader(weightsUrl);
  const w = Object.fromEntries(Object.entries(raw.w).map(([k, v]) => [k, tf.tensor2d(v)]));
  const b = Object.fromEntries(Object.entries(raw.b).map(([k, v]) => [k, tf.tensor1d(v)]));
  const model = new GestureGRU(w, b);

  let buffer: MotionEventLike[] = [];
  let drawing = false;
  canvas.addEventListener('pointerdown', () => { drawing = true; buffer = []; });
  canvas.addEventListener('pointermove', (ev) => { if (drawing) buffer.push(ev); });
  canvas.addEventListener('pointerup', () => {
    drawing = false;
    const started = performance.now();
    const probs = model.classify(normalise(buffer));
    const best = probs.indexOf(Math.max(...probs));
    resultLabel.textContent =
      `${GESTURES[best]} (${(probs[best] * 100).toFixed(1)}%) in ${(performance.now() - started).toFixed(1)} ms`;
  });
}
