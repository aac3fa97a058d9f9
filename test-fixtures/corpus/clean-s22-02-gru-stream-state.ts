// expect: none
// Streams readings from many sensors through one shared GRU and keeps a hidden state per sensor id.
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;

export class SharedGruStream {
  private readonly wx: tf.Variable;
  private readonly wh: tf.Variable;
  private readonly b: tf.Variable;
  private readonly wHead: tf.Variable;
  private readonly bHead: tf.Variable;
  private readonly states = new Map<string, tf.Tensor2D>();
  private readonly lastSeen = new Map<string, number>();

  constructor(inputDim: number, private readonly ttlMs = 60_000) {
    this.wx = tf.variable(tf.randomNormal([inputDim, 3 * UNITS], 0, 0.3, 'float32', 21));
    this.wh = tf.variable(tf.randomNormal([UNITS, 3 * UNITS], 0, 0.3, 'float32', 22));
    this.b = tf.variable(tf.zeros([3 * UNITS]));
    this.wHead = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3, 'float32', 23));
    this.bHead = tf.variable(tf.zeros([1]));
  }

  private cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xc] = tf.split(tf.matMul(x, this.wx).add(this.b), 3, 1);
    const [hz, hr, hc] = tf.split(tf.matMul(h, this.wh), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const cand = tf.tanh(xc.add(r.mul(hc)));
    return tf.sub(1, z).mul(h).add(z.mul(cand)) as tf.Tensor2D;
  }

  push(sensorId: string, reading: number[], now = Date.now()): number {
    this.expire(now);
    this.lastSeen.set(sensorId, now);
    const prev = this.states.get(sensorId) ?? (tf.zeros([1, UNITS]) as tf.Tensor2D);

    const score = tf.tidy(() => {
      const h = this.cell(tf.tensor2d([reading]), prev);
      this.states.set(sensorId, tf.keep(h));
      return tf.matMul(h, this.wHead).add(this.bHead).asScalar();
    });
    prev.dispose();

    const value = score.dataSync()[0];
    score.dispose();
    return value;
  }

  disconnect(sensorId: string): void {
    this.states.get(sensorId)?.dispose();
    this.states.delete(sensorId);
    this.lastSeen.delete(sensorId);
  }

  private expire(now: number): void {
    for (const [id, seen] of Array.from(this.lastSeen.entries())) {
      if (now - seen > this.ttlMs) this.disconnect(id);
    }
  }

  activeSensors(): number {
    return this.states.size;
  }
}

function simulate(): void {
  const stream = new SharedGruStream(2, 5_000);
  let clock = 0;
  for (let t = 0; t < 200; t++) {
    clock += 100;
    const id = `therm-${t % 4}`;
    if (t > 120 && id === 'therm-3') continue;
    const s = stream.push(id, [Math.sin(t / 9), (t % 4) / 4], clock);
    if (t % 40 === 0) console.log(t, id, s.toFixed(4));
  }
  clock += 10_000;
  stream.push('therm-0', [0, 0], clock);
  console.log('active:', stream.activeSensors(), 'tensors:', tf.memory().numTensors);
}

if (require.main === module) simulate();
