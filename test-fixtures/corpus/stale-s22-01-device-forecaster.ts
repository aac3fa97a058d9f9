// expect: stale-state
// Keeps a small GRU per device and forecasts the next few readings from that device's latest sliding window.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 16;
const FEATURES = 3;

type GruParams = {
  wx: tf.Variable;
  wh: tf.Variable;
  b: tf.Variable;
  wOut: tf.Variable;
  bOut: tf.Variable;
};

function initParams(seed: number): GruParams {
  return {
    wx: tf.variable(tf.randomNormal([FEATURES, 3 * HIDDEN], 0, 0.4, 'float32', seed)),
    wh: tf.variable(tf.randomNormal([HIDDEN, 3 * HIDDEN], 0, 0.4, 'float32', seed + 1)),
    b: tf.variable(tf.zeros([3 * HIDDEN])),
    wOut: tf.variable(tf.randomNormal([HIDDEN, FEATURES], 0, 0.4, 'float32', seed + 2)),
    bOut: tf.variable(tf.zeros([FEATURES])),
  };
}

export function gruStep(p: GruParams, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, p.wx), p.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, p.wh), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
  });
}

export class DeviceForecaster {
  private readonly params = new Map<string, GruParams>();
  private readonly windows = new Map<string, number[][]>();

  constructor(private readonly windowSize = 32) {}

  ingest(deviceId: string, reading: number[]): void {
    if (!this.params.has(deviceId)) {
      this.params.set(deviceId, initParams(1000 + this.params.size * 7));
      this.windows.set(deviceId, []);
    }
    const win = this.windows.get(deviceId)!;
    win.push(reading);
    if (win.length > this.windowSize) win.shift();
  }

  forecast(deviceId: string, horizon: number): number[][] {
    const p = this.params.get(deviceId);
    const win = this.windows.get(deviceId);
    if (!p || !win || win.length === 0) return [];

    return tf.tidy(() => {
      let hPrev = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
      let hNext = hPrev;
      for (const reading of win) {
        hNext = gruStep(p, tf.tensor2d([reading]), hPrev);
      }

      const out: number[][] = [];
      let h = hNext;
      let y = tf.add(tf.matMul(h, p.wOut), p.bOut) as tf.Tensor2D;
      for (let k = 0; k < horizon; k++) {
        out.push(Array.from(y.dataSync()));
        h = gruStep(p, y, h);
        y = tf.add(tf.matMul(h, p.wOut), p.bOut) as tf.Tensor2D;
      }
      return out;
    });
  }

  disconnect(deviceId: string): void {
    const p = this.params.get(deviceId);
    if (p) tf.dispose([p.wx, p.wh, p.b, p.wOut, p.bOut]);
    this.params.delete(deviceId);
    this.windows.delete(deviceId);
  }

  devices(): string[] {
    return Array.from(this.windows.keys());
  }
}

function demo(): void {
  const fc = new DeviceForecaster(24);
  for (let t = 0; t < 60; t++) {
    fc.ingest('hvac-01', [Math.sin(t / 5), Math.cos(t / 7), 0.1 * (t % 12)]);
    fc.ingest('hvac-02', [Math.sin(t / 3) * 0.5, 0.2, Math.random() * 0.1]);
  }
  for (const id of fc.devices()) {
    const next = fc.forecast(id, 4);
    console.log(id, next.map((r) => r.map((v) => v.toFixed(3)).join(' ')));
  }
  fc.disconnect('hvac-02');
  console.log('tensors alive:', tf.memory().numTensors);
}

if (require.main === module) demo();
