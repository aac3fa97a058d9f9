// expect: none
// Online fine-tuning: every full tumbling window of a device's readings gets a quick fit of that device's GRU forecaster.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 32;
const LOOKBACK = 8;

type DeviceSlot = {
  model: tf.LayersModel | null;
  buffer: number[];
  checkpoint: tf.Tensor[] | null;
  fits: number;
};

function buildModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 12, inputShape: [LOOKBACK, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

function toSupervised(window: number[]): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const x: number[][][] = [];
  const y: number[][] = [];
  for (let i = 0; i + LOOKBACK < window.length; i++) {
    x.push(window.slice(i, i + LOOKBACK).map((v) => [v]));
    y.push([window[i + LOOKBACK]]);
  }
  return { xs: tf.tensor3d(x), ys: tf.tensor2d(y) };
}

export class OnlineFleet {
  private readonly slots = new Map<string, DeviceSlot>();

  connect(deviceId: string): void {
    const slot = this.slots.get(deviceId) ?? { model: null, buffer: [], checkpoint: null, fits: 0 };
    if (!slot.model) {
      slot.model = buildModel();
      if (slot.checkpoint) {
        slot.model.setWeights(slot.checkpoint);
        tf.dispose(slot.checkpoint);
        slot.checkpoint = null;
      }
    }
    this.slots.set(deviceId, slot);
  }

  async reading(deviceId: string, value: number): Promise<number | null> {
    const slot = this.slots.get(deviceId);
    if (!slot || !slot.model) throw new Error(`device ${deviceId} is not connected`);
    slot.buffer.push(value);
    if (slot.buffer.length < WINDOW) return null;

    const window = slot.buffer.splice(0, WINDOW);
    const { xs, ys } = toSupervised(window);
    const hist = await slot.model.fit(xs, ys, { epochs: 3, batchSize: 8, shuffle: true, verbose: 0 });
    tf.dispose([xs, ys]);
    slot.fits += 1;
    return hist.history.loss[hist.history.loss.length - 1] as number;
  }

  predictNext(deviceId: string, recent: number[]): number {
    const model = this.slots.get(deviceId)?.model;
    if (!model) throw new Error(`device ${deviceId} is not connected`);
    return tf.tidy(() => {
      const x = tf.tensor3d([recent.slice(-LOOKBACK).map((v) => [v])]);
      return (model.predict(x) as tf.Tensor).dataSync()[0];
    });
  }

  disconnect(deviceId: string): void {
    const slot = this.slots.get(deviceId);
    if (!slot || !slot.model) return;
    slot.checkpoint = slot.model.getWeights().map((w) => w.clone());
    slot.model.dispose();
    slot.model = null;
    slot.buffer = [];
  }
}

async function main(): Promise<void> {
  const fleet = new OnlineFleet();
  fleet.connect('pump-3');
  const series = Array.from({ length: 200 }, (_, t) => Math.sin(t / 6) * 0.8);
  for (let t = 0; t < 100; t++) {
    const loss = await fleet.reading('pump-3', series[t]);
    if (loss !== null) console.log('fit at', t, 'loss', loss.toFixed(4));
  }
  const before = fleet.predictNext('pump-3', series.slice(92, 100));
  fleet.disconnect('pump-3');
  fleet.connect('pump-3');
  const after = fleet.predictNext('pump-3', series.slice(92, 100));
  console.log('prediction before/after reconnect', before.toFixed(4), after.toFixed(4), 'truth', series[100].toFixed(4));
}

if (require.main === module) main();
