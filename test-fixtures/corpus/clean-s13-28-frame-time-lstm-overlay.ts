// expect: none
// Dev overlay that forecasts the next frame's duration with an LSTM and flags upcoming jank, one step per frame.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;

interface Cell { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D; Wy: tf.Tensor2D }
interface State { h: tf.Tensor2D; c: tf.Tensor2D }

export function makeCell(seed = 801): Cell {
  return {
    W: tf.randomNormal([1, 4 * UNITS], 0, 0.5, 'float32', seed),
    U: tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', seed + 1),
    b: tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]) as tf.Tensor1D,
    Wy: tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 2),
  };
}

export class JankForecaster {
  private state: State = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  private last = 0;
  private rafId = 0;

  constructor(private readonly cell: Cell, private readonly onForecast: (ms: number, jank: boolean) => void) {}

  /** Advance one frame; returns the forecast for the next frame in ms. */
  tick(frameMs: number): number {
    const prev = this.state;
    let forecast = 0;
    this.state = tf.tidy(() => {
      const x = tf.tensor2d([[frameMs / 16.7 - 1]]);
      const z = x.matMul(this.cell.W).add(prev.h.matMul(this.cell.U)).add(this.cell.b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const c = tf.sigmoid(f).mul(prev.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
      forecast = (h.matMul(this.cell.Wy).dataSync()[0] + 1) * 16.7;
      return { h: tf.keep(h), c: tf.keep(c) };
    });
    tf.dispose([prev.h, prev.c]);
    return forecast;
  }

  start(): void {
    const loop = (now: number) => {
      if (this.last) {
        const ms = this.tick(now - this.last);
        this.onForecast(ms, ms > 33);
      }
      this.last = now;
      this.rafId = requestAnimationFrame(loop);
    };
    this.rafId = requestAnimationFrame(loop);
  }

  stop(): void {
    cancelAnimationFrame(this.rafId);
    this.last = 0;
  }

  /** Clear the memory, e.g. when the tab comes back from the background. */
  reset(): void {
    tf.dispose([this.state.h, this.state.c]);
    this.state = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  }
}

export function mountOverlay(badge: HTMLElement): JankForecaster {
  const fc = new JankForecaster(makeCell(), (ms, jank) => {
    badge.textContent = `next ≈ ${ms.toFixed(1)} ms`;
    badge.style.color = jank ? 'crimson' : 'inherit';
  });
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      fc.stop();
    } else {
      fc.reset();
      fc.start();
    }
  });
  fc.start();
  return fc;
}
