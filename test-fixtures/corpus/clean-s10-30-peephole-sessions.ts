// expect: none
// Per-device anomaly service: a peephole LSTM keeps one (h, c) state per device stream, kept alive across requests.
import * as tf from '@tensorflow/tfjs';

export type CellState = { h: tf.Tensor2D; c: tf.Tensor2D };

export abstract class RecurrentCell<S> {
  constructor(readonly inputSize: number, readonly units: number) {}
  abstract zeroState(): S;
  abstract forward(x: tf.Tensor2D, state: S): { y: tf.Tensor2D; state: S };
}

export class PeepholeLSTM extends RecurrentCell<CellState> {
  private readonly wx = tf.variable(tf.randomNormal([this.inputSize, 4 * this.units], 0, 0.2));
  private readonly wh = tf.variable(tf.randomNormal([this.units, 4 * this.units], 0, 0.2));
  private readonly peepI = tf.variable(tf.zeros([this.units]));
  private readonly peepF = tf.variable(tf.zeros([this.units]));
  private readonly peepO = tf.variable(tf.zeros([this.units]));

  override zeroState(): CellState {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  override forward(x: tf.Tensor2D, { h, c }: CellState): { y: tf.Tensor2D; state: CellState } {
    const z = tf.add(tf.matMul(x, this.wx as tf.Tensor2D), tf.matMul(h, this.wh as tf.Tensor2D));
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(tf.add(zi, tf.mul(c, this.peepI)));
    const f = tf.sigmoid(tf.add(zf, tf.mul(c, this.peepF)));
    const cNew = tf.add(tf.mul(f, c), tf.mul(i, tf.tanh(zg))) as tf.Tensor2D;
    const o = tf.sigmoid(tf.add(zo, tf.mul(cNew, this.peepO)));
    const hNew = tf.mul(o, tf.tanh(cNew)) as tf.Tensor2D;
    return { y: hNew, state: { h: hNew, c: cNew } };
  }
}

export class DeviceMonitor {
  private readonly states = new Map<string, CellState>();
  private readonly readout: tf.Variable;

  constructor(private readonly cell: RecurrentCell<CellState>, readonly channels: number) {
    this.readout = tf.variable(tf.randomNormal([cell.units, channels], 0, 0.2));
  }

  /** A device reboot starts a new, unrelated stream. */
  resetDevice(deviceId: string): void {
    const s = this.states.get(deviceId);
    if (s) tf.dispose([s.h, s.c]);
    this.states.delete(deviceId);
  }

  /** Returns the squared error between the reading and what the model expected for it. */
  ingest(deviceId: string, reading: number[]): number {
    const prev = this.states.get(deviceId) ?? this.cell.zeroState();
    const { error, next } = tf.tidy(() => {
      const expected = tf.matMul(prev.h, this.readout as tf.Tensor2D);
      const err = tf.sum(tf.squaredDifference(expected, tf.tensor2d([reading])));
      const { state } = this.cell.forward(tf.tensor2d([reading]), prev);
      return { error: err, next: state };
    });
    tf.dispose([prev.h, prev.c]);
    this.states.set(deviceId, next);
    const value = error.dataSync()[0];
    error.dispose();
    return value;
  }
}

export async function handleTelemetry(monitor: DeviceMonitor, msg: { deviceId: string; kind: 'reading' | 'reboot'; values?: number[] }) {
  if (msg.kind === 'reboot') {
    monitor.resetDevice(msg.deviceId);
    return { ok: true };
  }
  const score = monitor.ingest(msg.deviceId, msg.values ?? []);
  return { ok: true, anomaly: score > 4, score };
}

if (require.main === module) {
  const monitor = new DeviceMonitor(new PeepholeLSTM(3, 12), 3);
  (async () => {
    for (let t = 0; t < 5; t++) {
      for (const id of ['pump-1', 'pump-2']) {
        const r = await handleTelemetry(monitor, { deviceId: id, kind: 'reading', values: [Math.sin(t), Math.cos(t), t / 5] });
        console.log(id, t, r.score?.toFixed(4));
      }
    }
    await handleTelemetry(monitor, { deviceId: 'pump-1', kind: 'reboot' });
    console.log('tensors', tf.memory().numTensors);
  })();
}
