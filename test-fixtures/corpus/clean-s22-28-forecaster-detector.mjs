// expect: none
// Forecaster and anomaly detector share one encoder state per stream; the detector also tracks running residual stats.
import * as tf from '@tensorflow/tfjs';

const UNITS = 10;
const rnd = (shape, seed) => tf.randomNormal(shape, 0, 0.3, 'float32', seed);

const encoder = { wx: rnd([1, 3 * UNITS], 221), wh: rnd([UNITS, 3 * UNITS], 222), b: tf.zeros([3 * UNITS]) };
const forecaster = { w: rnd([UNITS, 1], 223), b: tf.zeros([1]) };
const detector = { w: rnd([UNITS + 1, 1], 224), b: tf.scalar(-2) };

function encode(x, h) {
  const [xz, xr, xn] = tf.split(x.matMul(encoder.wx).add(encoder.b), 3, 1);
  const [hz, hr, hn] = tf.split(h.matMul(encoder.wh), 3, 1);
  const z = tf.sigmoid(xz.add(hz));
  const r = tf.sigmoid(xr.add(hr));
  const n = tf.tanh(xn.add(r.mul(hn)));
  return tf.sub(1, z).mul(n).add(z.mul(h));
}

class Welford {
  constructor() { this.n = 0; this.mean = 0; this.m2 = 0; }
  push(v) { this.n++; const d = v - this.mean; this.mean += d / this.n; this.m2 += d * (v - this.mean); }
  z(v) { const sd = this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 1; return (v - this.mean) / (sd || 1); }
}

const streams = new Map();

function streamFor(id) {
  if (!streams.has(id)) streams.set(id, { h: tf.zeros([1, UNITS]), stats: new Welford(), seen: 0 });
  return streams.get(id);
}

export function observe(id, value) {
  const s = streamFor(id);
  const forecast = tf.tidy(() => s.h.matMul(forecaster.w).add(forecaster.b).dataSync()[0]);
  const residual = value - forecast;
  const z = s.seen > 10 ? s.stats.z(residual) : 0;
  s.stats.push(residual);

  const [hNext, pAnomaly] = tf.tidy(() => {
    const features = tf.concat([s.h, tf.tensor2d([[Math.abs(z)]])], 1);
    const p = tf.sigmoid(features.matMul(detector.w).add(detector.b));
    const h = encode(tf.tensor2d([[value]]), s.h);
    return [tf.keep(h), p];
  });
  s.h.dispose();
  s.h = hNext;
  s.seen += 1;

  const prob = pAnomaly.dataSync()[0];
  pAnomaly.dispose();
  return { forecast, residual, z, prob };
}

export function drop(id) {
  const s = streams.get(id);
  if (s) s.h.dispose();
  streams.delete(id);
}

const events = [];
for (let t = 0; t < 80; t++) {
  const cpu = 0.5 + 0.2 * Math.sin(t / 7) + (t === 60 ? 0.8 : 0);
  const mem = 0.3 + 0.01 * t;
  const a = observe('node-1/cpu', cpu);
  observe('node-1/mem', mem);
  if (Math.abs(a.z) > 3) events.push({ t, z: +a.z.toFixed(2), prob: +a.prob.toFixed(3) });
}
console.log('events', events);
drop('node-1/cpu');
drop('node-1/mem');
console.log('tensors', tf.memory().numTensors);
