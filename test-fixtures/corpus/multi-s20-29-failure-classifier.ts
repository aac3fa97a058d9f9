// expect: stacked-activation, bptt-cut
// Predicts machine failure from telemetry windows: GRU encoder + dense head, custom loop with tf.variableGrads.
import * as tf from '@tensorflow/tfjs';

const STEPS = 20;
const SENSORS = 3;
const UNITS = 16;

const seqIn = tf.input({ shape: [STEPS, SENSORS] });
const encoded = tf.layers.gru({ units: UNITS, name: 'telemetry_gru' }).apply(seqIn) as tf.SymbolicTensor;
const encoder = tf.model({ inputs: seqIn, outputs: encoded });

const headIn = tf.input({ shape: [UNITS] });
const hidden = tf.layers.dense({ units: 8, activation: 'relu' }).apply(headIn) as tf.SymbolicTensor;
const logit = tf.layers.dense({ units: 1 }).apply(hidden) as tf.SymbolicTensor;
const head = tf.model({ inputs: headIn, outputs: logit });

const optimizer = tf.train.adam(0.005);

function telemetry(n: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const failing = Math.random() < 0.4;
    const seq: number[][] = [];
    let temp = 0.3;
    for (let t = 0; t < STEPS; t++) {
      // failing machines heat up early and then look normal again
      if (failing && t < 5) temp += 0.15;
      else temp += (0.3 - temp) * 0.05;
      seq.push([temp + Math.random() * 0.05, Math.random() * 0.2, failing && t < 5 ? 0.4 : 0.1]);
    }
    xs.push(seq);
    ys.push([failing ? 1 : 0]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

function trainableVariables(): tf.Variable[] {
  return [...encoder.trainableWeights, ...head.trainableWeights].map((w) => w.read() as tf.Variable);
}

async function trainStep(xs: tf.Tensor3D, ys: tf.Tensor2D): Promise<number> {
  const state = encoder.predict(xs) as tf.Tensor;
  const { value, grads } = tf.variableGrads(() => {
    const probs = tf.sigmoid(head.apply(state) as tf.Tensor);
    return tf.losses.sigmoidCrossEntropy(ys, probs) as tf.Scalar;
  }, trainableVariables());
  optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
  const loss = (await value.data())[0];
  tf.dispose([state, value, ...Object.values(grads)]);
  return loss;
}

async function accuracy(xs: tf.Tensor3D, ys: tf.Tensor2D): Promise<number> {
  const acc = tf.tidy(() => {
    const probs = tf.sigmoid(head.predict(encoder.predict(xs) as tf.Tensor) as tf.Tensor);
    return tf.metrics.binaryAccuracy(ys, probs).mean();
  });
  const v = (await acc.data())[0];
  acc.dispose();
  return v;
}

async function main(): Promise<void> {
  const train = telemetry(512);
  const test = telemetry(200);
  const batchSize = 64;
  for (let epoch = 0; epoch < 8; epoch++) {
    let total = 0;
    for (let start = 0; start < 512; start += batchSize) {
      const xb = train.xs.slice([start, 0, 0], [batchSize, STEPS, SENSORS]);
      const yb = train.ys.slice([start, 0], [batchSize, 1]);
      total += await trainStep(xb, yb);
      tf.dispose([xb, yb]);
    }
    console.log(`epoch ${epoch} loss ${(total / (512 / batchSize)).toFixed(4)}`);
  }
  console.log('test accuracy', (await accuracy(test.xs, test.ys)).toFixed(3));
  tf.dispose([train.xs, train.ys, test.xs, test.ys]);
}

main();
