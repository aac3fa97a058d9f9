// expect: returns-input-state
// Recognises swipe/circle/zigzag gestures drawn on the canvas with an LSTM over pointer deltas.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const LABELS = ['swipe', 'circle', 'zigzag'] as const;
const UNITS = 16;

type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

export class GestureLstm {
  private kernel: tf.Tensor2D;
  private bias: tf.Tensor1D;
  private head: tf.Tensor2D;

  constructor(seed = 3) {
    this.kernel = tf.randomNormal([2 + UNITS, 4 * UNITS], 0, 0.25, 'float32', seed);
    this.bias = tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]);
    this.head = tf.randomNormal([UNITS, LABELS.length], 0, 0.4, 'float32', seed + 1);
  }

  initial(): LstmState {
    return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  }

  step(x: tf.Tensor2D, state: LstmState): LstmState {
    const { h, c } = state;
    return tf.tidy(() => {
      const gates = tf.matMul(tf.concat([x, h], 1), this.kernel).add(this.bias);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
      return { h: hNext, c };
    });
  }

  classify(points: Array<[number, number]>): { label: string; confidence: number } {
    const probs = tf.tidy(() => {
      let state = this.initial();
      for (let k = 1; k < points.length; k++) {
        const dx = points[k][0] - points[k - 1][0];
        const dy = points[k][1] - points[k - 1][1];
        const len = Math.hypot(dx, dy) || 1;
        state = this.step(tf.tensor2d([[dx / len, dy / len]]), state);
      }
      return tf.softmax(tf.matMul(state.h, this.head));
    });
    const p = Array.from(probs.dataSync());
    probs.dispose();
    const best = p.indexOf(Math.max(...p));
    return { label: LABELS[best], confidence: p[best] };
  }
}

export function bindCanvas(canvas: HTMLCanvasElement, out: HTMLElement): void {
  const model = new GestureLstm();
  let stroke: Array<[number, number]> = [];
  let drawing = false;

  canvas.addEventListener('pointerdown', (ev: PointerEvent) => {
    drawing = true;
    stroke = [[ev.offsetX, ev.offsetY]];
  });
  canvas.addEventListener('pointermove', (ev: PointerEvent) => {
    if (drawing) stroke.push([ev.offsetX, ev.offsetY]);
  });
  canvas.addEventListener('pointerup', () => {
    drawing = false;
    if (stroke.length < 4) return;
    const { label, confidence } = model.classify(stroke);
    out.textContent = `${label} (${(confidence * 100).toFixed(0)}%)`;
  });
}
