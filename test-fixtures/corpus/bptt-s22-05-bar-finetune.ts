// expect: bptt-cut
// Online fine-tuning of a per-symbol RNN: every closed window of bars triggers a few Adam steps on the next return.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 10;
const FEATS = 4;

export class BarRnn {
  readonly wx = tf.variable(tf.randomNormal([FEATS, HIDDEN], 0, 0.3, 'float32', 41));
  readonly wh = tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.3, 'float32', 42));
  readonly b = tf.variable(tf.zeros([HIDDEN]));
  readonly wOut = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.3, 'float32', 43));
  private readonly opt = tf.train.adam(0.01);

  step(x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; h: tf.Tensor2D } {
    let hData: Float32Array = new Float32Array(HIDDEN);
    const y = tf.tidy(() => {
      const hNext = tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(h, this.wh)).add(this.b));
      hData = hNext.dataSync() as Float32Array;
      return tf.matMul(hNext, this.wOut) as tf.Tensor2D;
    });
    return { y, h: tf.tensor2d(hData, [1, HIDDEN]) };
  }

  fitWindow(bars: number[][], nextReturn: number, iters = 3): number {
    const xs = bars.map((bar) => tf.tensor2d([bar]));
    const target = tf.scalar(nextReturn);
    let last = NaN;
    for (let i = 0; i < iters; i++) {
      const cost = this.opt.minimize(() => {
        let h = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
        let y = tf.zeros([1, 1]) as tf.Tensor2D;
        for (const x of xs) {
          const out = this.step(x, h);
          h = out.h;
          y = out.y;
        }
        return tf.losses.meanSquaredError(target, y.squeeze()) as tf.Scalar;
      }, true);
      if (cost) {
        last = cost.dataSync()[0];
        cost.dispose();
      }
    }
    tf.dispose([...xs, target]);
    return last;
  }

  predict(bars: number[][]): number {
    return tf.tidy(() => {
      let h = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
      let y = tf.zeros([1, 1]) as tf.Tensor2D;
      for (const bar of bars) {
        const out = this.step(tf.tensor2d([bar]), h);
        h = out.h;
        y = out.y;
      }
      return y.dataSync()[0];
    });
  }
}

function toFeatures(closes: number[], vols: number[], i: number): number[] {
  const r1 = Math.log(closes[i] / closes[i - 1]);
  const r5 = Math.log(closes[i] / closes[Math.max(0, i - 5)]);
  const v = Math.log1p(vols[i]) / 10;
  return [r1 * 100, r5 * 20, v, Math.sign(r1)];
}

export function runOnline(series: Record<string, { close: number[]; vol: number[] }>, window = 20): void {
  const models = new Map<string, BarRnn>();
  for (const [sym, { close, vol }] of Object.entries(series)) {
    const model = models.get(sym) ?? new BarRnn();
    models.set(sym, model);
    for (let end = window + 1; end < close.length - 1; end += window) {
      const bars: number[][] = [];
      for (let i = end - window; i < end; i++) bars.push(toFeatures(close, vol, i));
      const realised = Math.log(close[end] / close[end - 1]) * 100;
      const loss = model.fitWindow(bars, realised);
      console.log(sym, 'window ending', end, 'loss', loss.toFixed(5), 'pred', model.predict(bars).toFixed(4));
    }
  }
}

if (require.main === module) {
  const mk = (seed: number) => {
    const close = [100];
    const vol: number[] = [1000];
    for (let i = 1; i < 90; i++) {
      close.push(close[i - 1] * (1 + 0.01 * Math.sin(i / (3 + seed))));
      vol.push(1000 + 300 * Math.cos(i / 4));
    }
    return { close, vol };
  };
  runOnline({ ETHUSD: mk(1), BTCUSD: mk(2) });
}
