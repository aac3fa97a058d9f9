// expect: returns-input-state
// Builds a tensor-level GRU step closure from a trained tf.layers.gru so a stream can be processed one tick at a time.
import * as tf from '@tensorflow/tfjs';

const UNITS = 8;
const FEATURES = 2;

export function makeGruStep(gruLayer, denseLayer) {
  const [kernel, recurrentKernel, bias] = gruLayer.getWeights();
  const [wOut, bOut] = denseLayer.getWeights();
  const units = recurrentKernel.shape[0];
  const recZR = recurrentKernel.slice([0, 0], [units, 2 * units]);
  const recH = recurrentKernel.slice([0, 2 * units], [units, units]);

  return function step(x, h) {
    return tf.tidy(() => {
      const xProj = tf.add(tf.matMul(x, kernel), bias);
      const [xZ, xR, xH] = tf.split(xProj, 3, 1);
      const [hZ, hR] = tf.split(tf.matMul(h, recZR), 2, 1);
      const z = tf.sigmoid(tf.add(xZ, hZ));
      const r = tf.sigmoid(tf.add(xR, hR));
      const candidate = tf.tanh(tf.add(xH, tf.matMul(tf.mul(r, h), recH)));
      const next = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), candidate));
      const y = tf.add(tf.matMul(next, wOut), bOut);
      return [y, h];
    });
  };
}

function waveBatch(n, steps) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = 0.1 + Math.random() * 0.3;
    const seq = [];
    for (let t = 0; t < steps; t++) seq.push([Math.sin(f * t), f]);
    xs.push(seq);
    ys.push([Math.sin(f * steps)]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

async function main() {
  const gru = tf.layers.gru({ units: UNITS, recurrentActivation: 'sigmoid', inputShape: [null, FEATURES] });
  const dense = tf.layers.dense({ units: 1 });
  const model = tf.sequential({ layers: [gru, dense] });
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
  const { xs, ys } = waveBatch(256, 20);
  await model.fit(xs, ys, { epochs: 20, batchSize: 32, verbose: 0 });
  tf.dispose([xs, ys]);

  const step = makeGruStep(gru, dense);
  let h = tf.zeros([1, UNITS]);
  const f = 0.25;
  const preds = [];
  for (let t = 0; t < 20; t++) {
    const x = tf.tensor2d([[Math.sin(f * t), f]]);
    const [y, hNext] = step(x, h);
    preds.push(y.dataSync()[0]);
    h = hNext;
    tf.dispose([x, y]);
  }
  console.log('streamed next-value guesses:', preds.slice(-5).map((v) => v.toFixed(3)).join(' '));
  console.log('true next value:', Math.sin(f * 20).toFixed(3));
}

main();
