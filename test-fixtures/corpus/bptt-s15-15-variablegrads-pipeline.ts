// expect: bptt-cut
// Training pipeline: streams sensor windows through tf.data, encodes them with an RNN and fits a failure regressor.
import * as tf from '@tensorflow/tfjs';

const STEPS = 10;
const FEATURES = 2;
const UNITS = 12;

const params = {
  wx: tf.variable(tf.randomNormal([FEATURES, UNITS], 0, 0.4, 'float32', 101) as tf.Tensor2D, true, 'enc_wx'),
  wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 102) as tf.Tensor2D, true, 'enc_wh'),
  bh: tf.variable(tf.zeros([UNITS]) as tf.Tensor1D, true, 'enc_b'),
  wOut: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.4, 'float32', 103) as tf.Tensor2D, true, 'head_w'),
  bOut: tf.variable(tf.zeros([1]) as tf.Tensor1D, true, 'head_b'),
};

type Window = { xs: tf.Tensor2D; y: tf.Tensor1D };
type Encoded = { h: tf.Tensor1D; y: tf.Tensor1D };

function* windowGenerator(count: number, seed: number): Generator<Window> {
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < count; i++) {
    const drift = rand();
    const rows = Array.from({ length: STEPS }, (_, t) => [drift * t / STEPS + 0.1 * rand(), Math.sin(t + i)]);
    yield { xs: tf.tensor2d(rows), y: tf.tensor1d([drift > 0.5 ? 1 : 0]) };
  }
}

function encode(xs: tf.Tensor2D): tf.Tensor1D {
  let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
  for (const row of tf.unstack(xs)) {
    const x = row.reshape([1, FEATURES]) as tf.Tensor2D;
    h = tf.tanh(x.matMul(params.wx).add(h.matMul(params.wh)).add(params.bh));
  }
  return h.reshape([UNITS]) as tf.Tensor1D;
}

export function makeDataset(count: number, seed: number): tf.data.Dataset<{ h: tf.Tensor2D; y: tf.Tensor2D }> {
  return tf.data
    .generator(() => windowGenerator(count, seed))
    .map((w) => {
      const { xs, y } = w as Window;
      return { h: encode(xs), y } as Encoded;
    })
    .shuffle(32, String(seed))
    .batch(8) as unknown as tf.data.Dataset<{ h: tf.Tensor2D; y: tf.Tensor2D }>;
}

function bceLoss(h: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  const logits = h.matMul(params.wOut).add(params.bOut);
  return tf.losses.sigmoidCrossEntropy(y, logits) as tf.Scalar;
}

export async function train(epochs: number): Promise<number[]> {
  const optimizer = tf.train.rmsprop(0.01);
  const history: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    let batches = 0;
    await makeDataset(64, 7 + epoch).forEachAsync(({ h, y }) => {
      const { value, grads } = tf.variableGrads(() => bceLoss(h, y));
      optimizer.applyGradients(grads);
      total += value.dataSync()[0];
      batches++;
      tf.dispose([value, h, y]);
      tf.dispose(grads);
    });
    history.push(total / batches);
    console.log(`epoch ${epoch + 1}: loss=${(total / batches).toFixed(4)}`);
  }
  return history;
}

if (require.main === module) {
  const epochs = Number(process.argv[2] ?? 5);
  train(epochs)
    .then(() => console.log(`trained; ${tf.memory().numTensors} tensors alive`))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}

export { params };
