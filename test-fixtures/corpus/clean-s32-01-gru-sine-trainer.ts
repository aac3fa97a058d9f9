// expect: none
// Trains a small hand-rolled GRU to predict the next value of noisy sine waves, fed from a tf.data pipeline.
import * as tf from '@tensorflow/tfjs';

const SEQ_LEN = 12;
const FEATURES = 1;
const UNITS = 16;
const BATCH = 16;
const EPOCHS = 8;

type Sample = { xs: number[][]; ys: number[] };

function makeSamples(n: number): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const phase = Math.random() * Math.PI * 2;
    const freq = 0.2 + Math.random() * 0.3;
    const seq: number[][] = [];
    for (let t = 0; t <= SEQ_LEN; t++) {
      seq.push([Math.sin(phase + freq * t) + 0.05 * (Math.random() - 0.5)]);
    }
    out.push({ xs: seq.slice(0, SEQ_LEN), ys: seq[SEQ_LEN] });
  }
  return out;
}

const glorot = (rows: number, cols: number, name: string): tf.Variable =>
  tf.variable(tf.randomNormal([rows, cols], 0, Math.sqrt(2 / (rows + cols))), true, name);

const Wz = glorot(FEATURES + UNITS, UNITS, 'Wz');
const Wr = glorot(FEATURES + UNITS, UNITS, 'Wr');
const Wnx = glorot(FEATURES, UNITS, 'Wnx');
const Wnh = glorot(UNITS, UNITS, 'Wnh');
const bz = tf.variable(tf.zeros([UNITS]), true, 'bz');
const br = tf.variable(tf.zeros([UNITS]), true, 'br');
const bn = tf.variable(tf.zeros([UNITS]), true, 'bn');
const Wout = glorot(UNITS, 1, 'Wout');
const bout = tf.variable(tf.zeros([1]), true, 'bout');

export function gruStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const xh = tf.concat([x, h], 1);
  const z = tf.sigmoid(tf.add(tf.matMul(xh, Wz), bz));
  const r = tf.sigmoid(tf.add(tf.matMul(xh, Wr), br));
  const n = tf.tanh(tf.add(tf.add(tf.matMul(x, Wnx), tf.matMul(tf.mul(r, h), Wnh)), bn));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

export function forward(batchXs: tf.Tensor3D): tf.Tensor2D {
  const batchSize = batchXs.shape[0];
  let h: tf.Tensor2D = tf.zeros([batchSize, UNITS]);
  const steps = tf.unstack(batchXs, 1) as tf.Tensor2D[];
  for (const xt of steps) {
    h = gruStep(xt, h);
  }
  return tf.add(tf.matMul(h, Wout), bout);
}

type Batch = { xs: tf.Tensor3D; ys: tf.Tensor2D };

async function validate(ds: tf.data.Dataset<tf.TensorContainer>): Promise<number> {
  let total = 0;
  let count = 0;
  await ds.forEachAsync((raw) => {
    const { xs, ys } = raw as Batch;
    const mse = tf.tidy(() => tf.losses.meanSquaredError(ys, forward(xs)));
    total += mse.dataSync()[0] * xs.shape[0];
    count += xs.shape[0];
    mse.dispose();
  });
  return total / count;
}

export async function train(): Promise<void> {
  const optimizer = tf.train.adam(0.01);
  const trainDs = tf.data.array(makeSamples(320)).shuffle(320).batch(BATCH);
  const valDs = tf.data.array(makeSamples(64)).batch(BATCH);

  let best = Number.POSITIVE_INFINITY;
  let badEpochs = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    let batches = 0;
    await trainDs.forEachAsync((raw) => {
      const { xs, ys } = raw as Batch;
      const loss = optimizer.minimize(() => tf.losses.meanSquaredError(ys, forward(xs)) as tf.Scalar, true);
      if (loss) {
        epochLoss += loss.dataSync()[0];
        loss.dispose();
      }
      batches++;
    });
    const valLoss = await validate(valDs);
    console.log(`epoch ${epoch + 1}: train=${(epochLoss / batches).toFixed(4)} val=${valLoss.toFixed(4)}`);
    if (valLoss < best - 1e-4) {
      best = valLoss;
      badEpochs = 0;
    } else if (++badEpochs >= 3) {
      console.log('stopping early');
      break;
    }
  }
  console.log(`best val mse ${best.toFixed(4)}, tensors alive: ${tf.memory().numTensors}`);
}

train().catch((err) => console.error(err));
