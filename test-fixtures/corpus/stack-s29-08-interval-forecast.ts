// expect: stacked-activation
// Dashboard tile that polls /metrics every few seconds and forecasts CPU load with a tiny recurrent net.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 10;

interface Sample {
  cpu: number;
  mem: number;
  rps: number;
}

const squash = (t: tf.Tensor2D): tf.Tensor2D => tf.tanh(t);

export class LoadForecaster {
  private h: tf.Tensor2D = tf.zeros([1, UNITS]);
  private readonly wx = tf.randomNormal([3, UNITS], 0, 0.5, 'float32', 31) as tf.Tensor2D;
  private readonly wh = tf.randomNormal([UNITS, UNITS], 0, 0.5, 'float32', 32) as tf.Tensor2D;
  private readonly b = tf.zeros([UNITS]) as tf.Tensor1D;
  private readonly wy = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 33) as tf.Tensor2D;

  observe(s: Sample): number {
    const [next, yhat] = tf.tidy(() => {
      const x = squash(tf.tensor2d([[s.cpu / 50 - 1, s.mem / 50 - 1, Math.log1p(s.rps) / 5]]));
      const hPrev = squash(this.h);
      const hNew = tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(hPrev, this.wh)).add(this.b)) as tf.Tensor2D;
      const y = tf.sigmoid(tf.matMul(hNew, this.wy)).mul(100);
      return [hNew, y];
    });
    this.h.dispose();
    this.h = next as tf.Tensor2D;
    const value = yhat.dataSync()[0];
    yhat.dispose();
    return value;
  }

  state(): number[] {
    return Array.from(this.h.dataSync());
  }

  dispose(): void {
    tf.dispose([this.h, this.wx, this.wh, this.b, this.wy]);
  }
}

export function pollMetrics(
  url: string,
  onForecast: (cpuNext: number, sample: Sample) => void,
  everyMs = 5000,
): () => void {
  const model = new LoadForecaster();
  let busy = false;

  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const sample = (await res.json()) as Sample;
      onForecast(model.observe(sample), sample);
    } catch (err) {
      console.warn('metrics poll failed', err);
    } finally {
      busy = false;
    }
  }, everyMs);

  return () => {
    clearInterval(timer);
    model.dispose();
  };
}
