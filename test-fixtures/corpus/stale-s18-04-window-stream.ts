// expect: stale-state
// Tiny observable pipeline: buffers temperature readings into sliding windows and forecasts the next value per window.
import * as tf from '@tensorflow/tfjs';

type Observer<T> = (value: T) => void;

export class Stream<T> {
  private observers: Observer<T>[] = [];

  subscribe(fn: Observer<T>): () => void {
    this.observers.push(fn);
    return () => {
      this.observers = this.observers.filter((o) => o !== fn);
    };
  }

  next(value: T): void {
    for (const o of this.observers) o(value);
  }

  map<U>(fn: (v: T) => U): Stream<U> {
    const out = new Stream<U>();
    this.subscribe((v) => out.next(fn(v)));
    return out;
  }

  windowed(size: number): Stream<T[]> {
    const out = new Stream<T[]>();
    const buf: T[] = [];
    this.subscribe((v) => {
      buf.push(v);
      if (buf.length > size) buf.shift();
      if (buf.length === size) out.next(buf.slice());
    });
    return out;
  }
}

const UNITS = 10;

export class TempForecaster {
  readonly Wx = tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', 11));
  readonly Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 12));
  readonly b = tf.variable(tf.zeros([UNITS]));
  readonly Wout = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 13));

  constructor(private readonly mean = 20, private readonly scale = 5) {}

  private cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)), this.b));
  }

  forecast(window: number[]): number {
    return tf.tidy(() => {
      const h0 = tf.zeros([1, UNITS]) as tf.Tensor2D;
      let last = h0;
      for (const reading of window) {
        const x = tf.tensor2d([[(reading - this.mean) / this.scale]]);
        const hNext = this.cell(x, h0);
        last = hNext;
      }
      const z = tf.matMul(last, this.Wout).dataSync()[0];
      return z * this.scale + this.mean;
    });
  }
}

export function wireForecaster(readings: Stream<number>, windowSize = 12): Stream<{ at: number; predicted: number }> {
  const model = new TempForecaster();
  let seen = 0;
  return readings
    .map((r) => {
      seen += 1;
      return r;
    })
    .windowed(windowSize)
    .map((w) => ({ at: seen, predicted: model.forecast(w) }));
}

if (require.main === module) {
  const source = new Stream<number>();
  wireForecaster(source, 6).subscribe(({ at, predicted }) => {
    console.log(`after ${at} readings -> ${predicted.toFixed(2)} C`);
  });
  for (let t = 0; t < 12; t++) source.next(20 + 3 * Math.sin(t / 2));
}
