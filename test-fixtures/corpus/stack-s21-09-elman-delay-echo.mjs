// expect: stacked-activation
// Train a SimpleRNN to echo the value from 2 steps ago, then run it step-by-step with its weights for the live demo
import * as tf from '@tensorflow/tfjs';

const DELAY = 2;
const T = 12;
const hiddenSize = 12;

function makeSignals(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let t = 0; t < T; t++) row.push(Math.round(Math.random() * 100) / 100);
    x.push(row.map((b) => [b]));
    // target: value from DELAY steps ago, 0 before that
    y.push(row.map((_, t) => [t >= DELAY ? row[t - DELAY] : 0]));
  }
  return { x: tf.tensor3d(x), y: tf.tensor3d(y) };
}

const model = tf.sequential();
model.add(tf.layers.simpleRNN({ units: hiddenSize, returnSequences: true, inputShape: [null, 1] }));
model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });

// ---- live demo: feed one value at a time ----
let kernel, recKernel, bias, Wo, bo;

function rnnStep(x_t, h_prev) {
  const h = squash(h_prev);
  const pre = tf.matMul(x_t, kernel).add(tf.matMul(h, recKernel)).add(bias);
  return squash(pre);
}

function liveDemo(bits) {
  let hState = tf.zeros([1, hiddenSize]);
  const outs = [];
  for (const b of bits) {
    hState = rnnStep(tf.tensor2d([[b]]), hState);
    const p = tf.matMul(hState, Wo).add(bo);
    outs.push(p.dataSync()[0]);
  }
  return outs;
}

async function main() {
  const train = makeSignals(512);
  await model.fit(train.x, train.y, {
    epochs: 40,
    batchSize: 32,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        if (epoch % 10 === 0) console.log('epoch', epoch, 'loss', logs.loss.toFixed(5));
      },
    },
  });

  [kernel, recKernel, bias] = model.layers[0].getWeights();
  [Wo, bo] = model.layers[1].getWeights();

  const bits = [0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.0, 1.0, 0.5];
  const live = liveDemo(bits);
  const batchPred = model.predict(tf.tensor3d([bits.map((b) => [b])])).dataSync();
  console.log('input     ', bits.map((v) => v.toFixed(2)).join(' '));
  console.log('live      ', live.map((v) => v.toFixed(2)).join(' '));
  console.log('predict() ', Array.from(batchPred).map((v) => v.toFixed(2)).join(' '));
}

function squash(t) {
  return tf.tanh(t);
}

main();
