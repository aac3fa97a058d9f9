// expect: none
// Multi-step forecaster for the monitoring dashboard: encode the last hour of a metric, then decode the next 12 points.
import * as tf from '@tensorflow/tfjs';

const ENC = 16;
const DEC = 16;

const w = (shape: number[], seed: number) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed));

export class Seq2SeqForecaster {
  private readonly encWx = w([1, ENC], 1);
  private readonly encWh = w([ENC, ENC], 2);
  private readonly encB = tf.variable(tf.zeros([ENC]));
  private readonly bridge = w([ENC, DEC], 3);
  private readonly decWy = w([1, DEC], 4);
  private readonly decWc = w([ENC, DEC], 5);
  private readonly decWh = w([DEC, DEC], 6);
  private readonly decB = tf.variable(tf.zeros([DEC]));
  private readonly outW = w([DEC, 1], 7);
  private readonly outB = tf.variable(tf.zeros([1]));

  // Missing scrapes are marked with mask 0: the encoder simply holds its state through the gap.
  private encode(values: number[], mask: number[]): { context: tf.Tensor2D; h: tf.Tensor2D } {
    let h = tf.zeros([1, ENC]) as tf.Tensor2D;
    values.forEach((v, t) => {
      const m = tf.scalar(mask[t]);
      const x = tf.tensor2d([[mask[t] ? v : 0]]);
      const hNew = tf.tanh(x.matMul(this.encWx).add(h.matMul(this.encWh)).add(this.encB));
      h = m.mul(hNew).add(tf.sub(1, m).mul(h)) as tf.Tensor2D;
    });
    return { context: h, h: tf.tanh(h.matMul(this.bridge)) as tf.Tensor2D };
  }

  private decode(context: tf.Tensor2D, h0: tf.Tensor2D, lastValue: number, horizon: number): number[] {
    const preds: number[] = [];
    let h = h0;
    let y = tf.tensor2d([[lastValue]]);
    const ctx = context.matMul(this.decWc);
    for (let k = 0; k < horizon; k++) {
      h = tf.tanh(y.matMul(this.decWy).add(ctx).add(h.matMul(this.decWh)).add(this.decB)) as tf.Tensor2D;
      y = h.matMul(this.outW).add(this.outB) as tf.Tensor2D;
      preds.push(y.dataSync()[0]);
    }
    return preds;
  }

  forecast(values: number[], mask: number[], horizon = 12): number[] {
    return tf.tidy(() => {
      const { context, h } = this.encode(values, mask);
      let last = 0;
      for (let t = values.length - 1; t >= 0; t--) {
        if (mask[t]) {
          last = values[t];
          break;
        }
      }
      return this.decode(context, h, last, horizon);
    });
  }
}

export function normalise(series: number[]): { scaled: number[]; undo: (v: number) => number } {
  const mean = series.reduce((a, b) => a + b, 0) / series.length;
  const sd = Math.sqrt(series.reduce((a, b) => a + (b - mean) ** 2, 0) / series.length) || 1;
  return { scaled: series.map((v) => (v - mean) / sd), undo: (v) => v * sd + mean };
}

if (require.main === module) {
  const model = new Seq2SeqForecaster();
  const cpu = Array.from({ length: 60 }, (_, t) => 40 + 15 * Math.sin(t / 8) + (t % 13 === 0 ? 10 : 0));
  const mask = cpu.map((_, t) => (t > 20 && t < 26 ? 0 : 1));
  const { scaled, undo } = normalise(cpu);
  const next = model.forecast(scaled, mask).map(undo);
  console.log('next 12 points:', next.map((v) => v.toFixed(1)).join(' '));
  console.log('tensors', tf.memory().numTensors);
}
