// expect: stale-state
// Consumes a device's reading stream over an async iterator and checkpoints its recurrent state so reconnects resume.
import * as tf from '@tensorflow/tfjs';

export class StreamCell {
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly wy: tf.Tensor2D;

  constructor(readonly inputDim: number, readonly units = 10) {
    this.wx = tf.randomNormal([inputDim, units], 0, 0.4, 'float32', 211);
    this.wh = tf.randomNormal([units, units], 0, 0.3, 'float32', 212);
    this.b = tf.zeros([units]);
    this.wy = tf.randomNormal([units, inputDim], 0, 0.4, 'float32', 213);
  }

  zeroState(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    return tf.tidy((): [tf.Tensor2D, tf.Tensor2D] => {
      const hNew = tf.tanh(x.matMul(this.wx).add(h.matMul(this.wh)).add(this.b)) as tf.Tensor2D;
      return [hNew.matMul(this.wy) as tf.Tensor2D, hNew];
    });
  }
}

export async function consume(
  deviceId: string,
  source: AsyncIterable<number[]>,
  model: StreamCell,
  checkpoints: Map<string, tf.Tensor2D>
): Promise<number[]> {
  let state = checkpoints.get(deviceId) ?? model.zeroState();
  const errors: number[] = [];
  let expected: number[] | null = null;

  for await (const reading of source) {
    if (expected) {
      const e = expected.reduce((acc, v, i) => acc + (v - reading[i]) ** 2, 0) / reading.length;
      errors.push(e);
    }
    const x = tf.tensor2d([reading]);
    const [pred, nextState] = model.step(x, state);
    expected = Array.from(await pred.data());
    tf.dispose([x, pred]);

    const old = checkpoints.get(deviceId);
    if (old && old !== state) old.dispose();
    checkpoints.set(deviceId, nextState);
  }
  return errors;
}

async function* socketReadings(n: number, phase: number): AsyncGenerator<number[]> {
  for (let t = 0; t < n; t++) {
    await new Promise((r) => setTimeout(r, 1));
    yield [Math.sin((t + phase) / 4), Math.cos((t + phase) / 4), 0.1 * (t % 3)];
  }
}

async function main(): Promise<void> {
  const model = new StreamCell(3);
  const checkpoints = new Map<string, tf.Tensor2D>();
  const first = await consume('gw-7', socketReadings(20, 0), model, checkpoints);
  console.log('session 1 mse', (first.reduce((a, b) => a + b, 0) / first.length).toFixed(4));
  const second = await consume('gw-7', socketReadings(20, 20), model, checkpoints);
  console.log('session 2 mse', (second.reduce((a, b) => a + b, 0) / second.length).toFixed(4));
  console.log('tensors', tf.memory().numTensors);
}

if (require.main === module) main();
