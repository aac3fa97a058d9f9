// expect: none
// Trains a GRU sequence classifier on synthetic vibration bursts fed through a tf.data generator/map/batch pipeline.
import * as tf from '@tensorflow/tfjs';

const T = 12;
const UNITS = 10;
const BATCH = 16;

const v = (shape, seed, name) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed), true, name);
const params = {
  wz: v([1, UNITS], 801, 'wz'), uz: v([UNITS, UNITS], 802, 'uz'),
  wr: v([1, UNITS], 803, 'wr'), ur: v([UNITS, UNITS], 804, 'ur'),
  wn: v([1, UNITS], 805, 'wn'), un: v([UNITS, UNITS], 806, 'un'),
  out: v([UNITS, 1], 807, 'out'),
};

function* bursts(n, seed) {
  let s = seed;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < n; i++) {
    const faulty = rnd() < 0.5;
    const seq = Array.from({ length: T }, (_, t) => (faulty && t > T / 2 ? 2.5 : 1) * Math.sin(t * (1 + rnd())) + 0.2 * rnd());
    yield { xs: tf.tensor2d(seq, [T, 1]), ys: tf.tensor1d([faulty ? 1 : 0]) };
  }
}

function gruStep(x, h) {
  const z = tf.sigmoid(x.matMul(params.wz).add(h.matMul(params.uz)));
  const r = tf.sigmoid(x.matMul(params.wr).add(h.matMul(params.ur)));
  const n = tf.tanh(x.matMul(params.wn).add(r.mul(h).matMul(params.un)));
  return tf.sub(1, z).mul(n).add(z.mul(h));
}

function logits(xsBatch) {
  // xsBatch: [batch, T, 1]; every batch starts from a zero state
  let h = tf.zeros([xsBatch.shape[0], UNITS]);
  for (const xt of tf.unstack(xsBatch, 1)) h = gruStep(xt, h);
  return h.matMul(params.out);
}

function pipeline(n, seed) {
  return tf.data
    .generator(() => bursts(n, seed))
    .map(({ xs, ys }) => ({ xs: xs.div(2.5), ys }))
    .batch(BATCH);
}

async function main() {
  const optimizer = tf.train.adam(0.03);
  for (let epoch = 1; epoch <= 6; epoch++) {
    let sum = 0;
    let steps = 0;
    await pipeline(128, epoch).forEachAsync(({ xs, ys }) => {
      const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(ys, logits(xs)), true);
      sum += loss.dataSync()[0];
      steps++;
      tf.dispose([loss, xs, ys]);
    });
    console.log(`epoch ${epoch} loss ${(sum / steps).toFixed(4)}`);
  }

  const test = await pipeline(64, 999).toArray();
  let correct = 0;
  let total = 0;
  for (const { xs, ys } of test) {
    const preds = tf.tidy(() => tf.sigmoid(logits(xs)).greater(0.5).dataSync());
    const labels = ys.dataSync();
    preds.forEach((p, i) => { correct += p === labels[i] ? 1 : 0; total++; });
    tf.dispose([xs, ys]);
  }
  console.log(`held-out accuracy ${((100 * correct) / total).toFixed(1)}% on ${total} bursts`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
