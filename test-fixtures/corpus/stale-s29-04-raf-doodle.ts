// expect: stale-state
// Endless doodle toy: each animation frame a small pen RNN proposes the next stroke offset and we draw it.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 20;

export class PenRnn {
  private wx: tf.Tensor2D;
  private wh: tf.Tensor2D;
  private b: tf.Tensor1D;
  private wo: tf.Tensor2D;

  constructor(seed = 5) {
    this.wx = tf.randomNormal([3, UNITS], 0, 0.6, 'float32', seed);
    this.wh = tf.randomNormal([UNITS, UNITS], 0, 0.35, 'float32', seed + 1);
    this.b = tf.randomNormal([UNITS], 0, 0.1, 'float32', seed + 2);
    this.wo = tf.randomNormal([UNITS, 3], 0, 0.8, 'float32', seed + 3);
  }

  initialState(): tf.Tensor2D {
    return tf.zeros([1, UNITS]);
  }

  step(pen: tf.Tensor2D, h: tf.Tensor2D): { offset: tf.Tensor2D; h: tf.Tensor2D } {
    return tf.tidy(() => {
      const hNew = tf.tanh(tf.matMul(pen, this.wx).add(tf.matMul(h, this.wh)).add(this.b)) as tf.Tensor2D;
      const raw = tf.matMul(hNew, this.wo);
      const [dxy, lift] = tf.split(raw, [2, 1], 1);
      const offset = tf.concat([tf.tanh(dxy).mul(6), tf.sigmoid(lift)], 1) as tf.Tensor2D;
      return { offset, h: hNew };
    });
  }
}

export interface DoodleHandle {
  stop(): void;
  frames(): number;
  lastHidden(): tf.Tensor2D | null;
}

export function startDoodle(ctx: CanvasRenderingContext2D, model = new PenRnn()): DoodleHandle {
  let pen = tf.tensor2d([[0, 0, 1]]);
  const hidden = model.initialState();
  let lastHidden: tf.Tensor2D | null = null;
  let x = ctx.canvas.width / 2;
  let y = ctx.canvas.height / 2;
  let count = 0;
  let rafId = 0;

  const frame = () => {
    const { offset, h } = model.step(pen, hidden);
    const [dx, dy, lift] = Array.from(offset.dataSync());

    ctx.beginPath();
    ctx.moveTo(x, y);
    x = Math.min(ctx.canvas.width, Math.max(0, x + dx));
    y = Math.min(ctx.canvas.height, Math.max(0, y + dy));
    if (lift < 0.5) {
      ctx.lineTo(x, y);
      ctx.stroke();
    }

    pen.dispose();
    pen = offset;
    lastHidden?.dispose();
    lastHidden = h;
    count++;
    rafId = requestAnimationFrame(frame);
  };
  rafId = requestAnimationFrame(frame);

  return {
    stop: () => {
      cancelAnimationFrame(rafId);
      tf.dispose([pen, hidden]);
      lastHidden?.dispose();
    },
    frames: () => count,
    lastHidden: () => lastHidden,
  };
}
