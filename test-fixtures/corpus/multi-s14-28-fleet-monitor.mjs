// expect: state-leak, stacked-activation
// Nightly fleet report: runs every vehicle's CAN-bus log through an RNN and flags vehicles with a high fault probability.
import * as tf from '@tensorflow/tfjs';

const UNITS = 10;

export function loadWeights(signals, seed = 5) {
  const r = (shape, k) => tf.randomNormal(shape, 0, 0.6, 'float32', seed + k);
  return { wx: r([signals, UNITS], 0), wh: r([UNITS, UNITS], 1), b: tf.zeros([UNITS]), wOut: r([UNITS, 1], 2), bOut: tf.zeros([1]) };
}

const rnnStep = (w, x, h) => tf.tanh(x.matMul(w.wx).add(h.matMul(w.wh)).add(w.b));

const faultHead = (w, h) => tf.sigmoid(h.matMul(w.wOut).add(w.bOut));

export function fleetReport(w, vehicles, threshold = 0.5) {
  const report = [];
  let h = tf.zeros([1, UNITS]);
  for (const vehicle of vehicles) {
    for (const frame of vehicle.log) {
      const next = tf.tidy(() => rnnStep(w, tf.tensor2d([frame]), h));
      h.dispose();
      h = next;
    }
    const p = tf.tidy(() => tf.sigmoid(faultHead(w, h)).dataSync()[0]);
    report.push({ vin: vehicle.vin, faultProbability: Number(p.toFixed(3)), flagged: p > threshold });
  }
  h.dispose();
  return report;
}

export function syntheticFleet(count, length) {
  return Array.from({ length: count }, (_, v) => ({
    vin: `VIN${1000 + v}`,
    log: Array.from({ length }, (_, t) => [
      Math.sin(0.2 * t + v),
      v === 2 ? 1.5 : 0.2,
      ((t + v) % 5) / 5,
    ]),
  }));
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const w = loadWeights(3);
  console.table(fleetReport(w, syntheticFleet(4, 20)));
}
