// expect: stale-state, stacked-activation
// Vibration monitor for conveyor motors: encodes each tumbling window of FFT frames and emits a fault probability.
import * as tf from '@tensorflow/tfjs';

const BINS = 8;
const UNITS = 12;
const WINDOW = 16;
const ALARM = 0.5;

const params = {
  wx: tf.randomNormal([BINS, UNITS], 0, 0.3, 'float32', 61),
  wh: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 62),
  b: tf.zeros([UNITS]),
  wScore: tf.randomNormal([UNITS, 1], 0, 0.3, 'float32', 63),
  bScore: tf.scalar(-1.5),
};

function encodeStep(frame, h) {
  return tf.tidy(() => tf.tanh(frame.matMul(params.wx).add(h.matMul(params.wh)).add(params.b)));
}

function faultScore(h) {
  return tf.tidy(() => tf.sigmoid(h.matMul(params.wScore).add(params.bScore)));
}

export function detect(frames) {
  return tf.tidy(() => {
    const h0 = tf.zeros([1, UNITS]);
    const states = [];
    frames.reduce((h, frame) => {
      const hNext = encodeStep(tf.tensor2d([frame]), h);
      states.push(hNext);
      return h;
    }, h0);
    const pooled = tf.concat(states, 0).mean(0, true);
    const prob = tf.sigmoid(faultScore(pooled));
    return prob.dataSync()[0];
  });
}

export class ConveyorMonitor {
  constructor(onAlarm) {
    this.buffers = new Map();
    this.onAlarm = onAlarm;
    this.lastProb = new Map();
  }

  ingest(motorId, fftFrame) {
    const buf = this.buffers.get(motorId) ?? [];
    buf.push(fftFrame);
    if (buf.length < WINDOW) {
      this.buffers.set(motorId, buf);
      return null;
    }
    this.buffers.set(motorId, []);
    const prob = detect(buf);
    this.lastProb.set(motorId, prob);
    if (prob > ALARM) this.onAlarm({ motorId, prob, at: Date.now() });
    return prob;
  }

  status() {
    return Object.fromEntries(this.lastProb);
  }
}

function fakeFrame(t, faulty) {
  return Array.from({ length: BINS }, (_, k) => {
    const base = Math.exp(-k / 3) * (0.8 + 0.2 * Math.sin(t / 5));
    return faulty && k === 5 ? base + 1.2 : base;
  });
}

const alarms = [];
const monitor = new ConveyorMonitor((a) => alarms.push(a));
for (let t = 0; t < 64; t++) {
  monitor.ingest('belt-A', fakeFrame(t, false));
  monitor.ingest('belt-B', fakeFrame(t, t > 30));
}
console.log('status', monitor.status());
console.log('alarms', alarms.length, 'tensors', tf.memory().numTensors);
