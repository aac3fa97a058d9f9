// expect: none
// Streaming LSTM for the smart-meter dashboard: one reading per call, state kept on the instance between calls.
import * as tf from '@tensorflow/tfjs';

export interface HC {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export abstract class StreamRunner {
  protected state: HC;

  constructor(readonly units: number) {
    this.state = this.fresh();
  }

  protected fresh(): HC {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  protected abstract cell(x: tf.Tensor2D, s: HC): { y: tf.Tensor2D; next: HC };

  feed(reading: number[]): number {
    const prev = this.state;
    const y = tf.tidy(() => {
      const out = this.cell(tf.tensor2d([reading]), prev);
      this.state = { h: tf.keep(out.next.h), c: tf.keep(out.next.c) };
      return out.y;
    });
    tf.dispose([prev.h, prev.c]);
    const value = y.dataSync()[0];
    y.dispose();
    return value;
  }

  restart(): void {
    tf.dispose([this.state.h, this.state.c]);
    this.state = this.fresh();
  }
}

export class MeterLSTM extends StreamRunner {
  private readonly W: tf.Variable;
  private readonly U: tf.Variable;
  private readonly Wy: tf.Variable;

  constructor(inputDim: number, units: number) {
    super(units);
    this.W = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.3, 'float32', 51));
    this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', 52));
    this.Wy = tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', 53));
  }

  protected override cell(x: tf.Tensor2D, s: HC) {
    const z = tf.add(tf.matMul(x, this.W), tf.matMul(s.h, this.U));
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(f), s.c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    const h = tf.mul(tf.sigmoid(o), tf.tanh(c)) as tf.Tensor2D;
    return { y: tf.matMul(h, this.Wy) as tf.Tensor2D, next: { h, c } };
  }
}

export class ClippedMeterLSTM extends MeterLSTM {
  protected override cell(x: tf.Tensor2D, s: HC) {
    const out = super.cell(x, s);
    return { y: tf.clipByValue(out.y, -5, 5), next: out.next };
  }
}

if (require.main === module) {
  const meter = new ClippedMeterLSTM(2, 4);
  const day = [[0.3, 0.0], [0.5, 0.1], [1.2, 0.9], [0.8, 0.4], [0.2, 0.0]];
  console.log(day.map((r) => meter.feed(r).toFixed(4)).join(' '));
  console.log('tensors alive', tf.memory().numTensors);
  meter.restart();
  console.log(day.map((r) => meter.feed(r).toFixed(4)).join(' '));
}
