// expect: stacked-activation
// Streaming load forecaster for smart meters: one recurrent state per meter, updated on every 15-minute reading.
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;

export class MeterLoadModel {
  private readonly wIn: tf.Variable;
  private readonly wRec: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly wOut: tf.Variable;
  private readonly bOut: tf.Variable;
  private readonly hidden = new Map<string, tf.Tensor2D>();

  constructor(seed = 3) {
    this.wIn = tf.variable(tf.randomNormal([3, UNITS], 0, 0.4, 'float32', seed));
    this.wRec = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', seed + 1));
    this.bias = tf.variable(tf.zeros([UNITS]));
    this.wOut = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.4, 'float32', seed + 2));
    this.bOut = tf.variable(tf.zeros([1]));
  }

  private recur(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const pre = tf.matMul(x, this.wIn).add(tf.matMul(tf.tanh(h), this.wRec)).add(this.bias);
    return tf.tanh(pre) as tf.Tensor2D;
  }

  private encode(kwh: number, quarter: number): tf.Tensor2D {
    const angle = (2 * Math.PI * quarter) / 96;
    return tf.tensor2d([[kwh / 5, Math.sin(angle), Math.cos(angle)]]);
  }

  update(meterId: string, kwh: number, quarter: number): number {
    const prev = this.hidden.get(meterId) ?? (tf.zeros([1, UNITS]) as tf.Tensor2D);
    const [next, forecast] = tf.tidy((): [tf.Tensor2D, tf.Tensor] => {
      const h = this.recur(this.encode(kwh, quarter), prev);
      const y = tf.matMul(h, this.wOut).add(this.bOut).mul(5);
      return [h, y];
    });
    prev.dispose();
    this.hidden.set(meterId, next);
    const value = forecast.dataSync()[0];
    forecast.dispose();
    return value;
  }

  state(meterId: string): number[] | undefined {
    const h = this.hidden.get(meterId);
    return h ? Array.from(h.dataSync()) : undefined;
  }

  forget(meterId: string): void {
    this.hidden.get(meterId)?.dispose();
    this.hidden.delete(meterId);
  }
}

export function replayDay(model: MeterLoadModel, meterId: string, readings: number[]): number[] {
  const forecasts: number[] = [];
  readings.forEach((kwh, q) => forecasts.push(model.update(meterId, kwh, q % 96)));
  return forecasts;
}

if (require.main === module) {
  const model = new MeterLoadModel();
  const day = Array.from({ length: 96 }, (_, q) => 1.2 + Math.sin((q / 96) * 2 * Math.PI - 1.5) + (q > 70 && q < 84 ? 1.5 : 0));
  for (const meter of ['m-1001', 'm-1002']) {
    const f = replayDay(model, meter, day);
    const mae = f.slice(0, -1).reduce((a, v, i) => a + Math.abs(v - day[i + 1]), 0) / (f.length - 1);
    console.log(meter, 'next-quarter forecast', f[f.length - 1].toFixed(3), 'mae', mae.toFixed(3));
  }
  model.forget('m-1002');
  console.log('tensors', tf.memory().numTensors);
}
