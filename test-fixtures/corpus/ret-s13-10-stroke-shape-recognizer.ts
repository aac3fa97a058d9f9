// expect: returns-input-state
// Whiteboard shape recogniser: feeds pointer deltas of a stroke through an LSTM and snaps it to circle/line/zigzag.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

export const SHAPES = ['line', 'circle', 'zigzag', 'scribble'] as const;
const UNITS = 20;

export interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }

export class LstmCell {
  private readonly W = tf.randomNormal([2, 4 * UNITS], 0, 0.5, 'float32', 31);
  private readonly U = tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', 32);
  private readonly b = tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]);

  zeroState(): LstmState {
    return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  }

  step(x: tf.Tensor2D, state: LstmState): LstmState {
    const { h, c } = state;
    const z = x.matMul(this.W).add(h.matMul(this.U)).add(this.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return { h: hNext, c };
  }
}

export class StrokeRecognizer {
  private readonly cell = new LstmCell();
  private readonly head = tf.randomNormal([UNITS, SHAPES.length], 0, 0.5, 'float32', 33);
  private points: Array<[number, number]> = [];

  begin(x: number, y: number): void {
    this.points = [[x, y]];
  }

  add(x: number, y: number): void {
    const [px, py] = this.points[this.points.length - 1];
    if (Math.hypot(x - px, y - py) > 2) this.points.push([x, y]);
  }

  classify(): { shape: (typeof SHAPES)[number]; probs: number[] } {
    const probs = tf.tidy(() => {
      let state = this.cell.zeroState();
      for (let k = 1; k < this.points.length; k++) {
        const dx = (this.points[k][0] - this.points[k - 1][0]) / 50;
        const dy = (this.points[k][1] - this.points[k - 1][1]) / 50;
        state = this.cell.step(tf.tensor2d([[dx, dy]]), state);
      }
      return Array.from(tf.softmax(state.h.matMul(this.head)).dataSync());
    });
    const best = probs.indexOf(Math.max(...probs));
    return { shape: SHAPES[best], probs };
  }
}

export function attachToBoard(board: HTMLCanvasElement, onShape: (shape: string) => void): StrokeRecognizer {
  const rec = new StrokeRecognizer();
  let drawing = false;
  board.addEventListener('pointerdown', (e: PointerEvent) => {
    drawing = true;
    rec.begin(e.offsetX, e.offsetY);
  });
  board.addEventListener('pointermove', (e: PointerEvent) => {
    if (drawing) rec.add(e.offsetX, e.offsetY);
  });
  board.addEventListener('pointerup', () => {
    if (!drawing) return;
    drawing = false;
    const { shape, probs } = rec.classify();
    if (Math.max(...probs) > 0.5) onShape(shape);
  });
  return rec;
}
