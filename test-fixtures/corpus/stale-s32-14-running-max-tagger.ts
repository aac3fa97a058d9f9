// expect: stale-state
// Tags each step of a price series as "new high so far" or not; custom training loop with Keras-like callbacks.
import * as tf from '@tensorflow/tfjs';

const T = 16;
const UNITS = 20;

interface TrainCallbacks {
  onBatchEnd?: (batch: number, loss: number) => void;
  onEpochEnd?: (epoch: number, logs: { loss: number; valAcc: number }) => boolean | void;
}

const Wx = tf.variable(tf.randomNormal([1, UNITS], 0, 0.5));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2));
const bh = tf.variable(tf.zeros([UNITS]));
const Wo = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3));
const bo = tf.variable(tf.zeros([1]));

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(bh)) as tf.Tensor2D;
}

export function tagLogits(prices: tf.Tensor2D): tf.Tensor2D {
  const batch = prices.shape[0];
  const h0 = tf.zeros([batch, UNITS]) as tf.Tensor2D;
  const steps = tf.split(prices, T, 1) as tf.Tensor2D[];
  const { outs } = steps.reduce(
    (acc, xt) => {
      const hNext = cell(xt, h0);
      return { h: hNext, outs: [...acc.outs, tf.matMul(hNext, Wo).add(bo) as tf.Tensor2D] };
    },
    { h: h0, outs: [] as tf.Tensor2D[] },
  );
  return tf.concat(outs, 1) as tf.Tensor2D;
}

function* priceSeries() {
  while (true) {
    let p = 0;
    let high = -Infinity;
    const prices: number[] = [];
    const tags: number[] = [];
    for (let t = 0; t < T; t++) {
      p += (Math.random() - 0.48) * 0.5;
      prices.push(p);
      tags.push(p > high ? 1 : 0);
      high = Math.max(high, p);
    }
    yield { prices, tags };
  }
}

export async function fit(epochs: number, stepsPerEpoch: number, callbacks: TrainCallbacks = {}): Promise<void> {
  const optimizer = tf.train.adam(0.01);
  const train = tf.data.generator(priceSeries).batch(32).take(stepsPerEpoch);
  const val = tf.data.generator(priceSeries).batch(200).take(1);

  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    let b = 0;
    await train.forEachAsync((batch) => {
      const { prices, tags } = batch as { prices: tf.Tensor2D; tags: tf.Tensor2D };
      const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(tags, tagLogits(prices)) as tf.Scalar, true)!;
      const l = loss.dataSync()[0];
      total += l;
      callbacks.onBatchEnd?.(b, l);
      b++;
      tf.dispose([loss, prices, tags]);
    });
    let valAcc = 0;
    await val.forEachAsync((batch) => {
      const { prices, tags } = batch as { prices: tf.Tensor2D; tags: tf.Tensor2D };
      valAcc = tf.tidy(() => tf.metrics.binaryAccuracy(tags, tf.sigmoid(tagLogits(prices))).mean().dataSync()[0]);
      tf.dispose([prices, tags]);
    });
    if (callbacks.onEpochEnd?.(epoch, { loss: total / b, valAcc }) === true) break;
  }
}

let bestAcc = 0;
let stale = 0;
fit(12, 20, {
  onEpochEnd: (epoch, logs) => {
    console.log(`epoch ${epoch + 1}: loss ${logs.loss.toFixed(4)} val acc ${(logs.valAcc * 100).toFixed(1)}%`);
    if (logs.valAcc > bestAcc + 0.002) {
      bestAcc = logs.valAcc;
      stale = 0;
    } else if (++stale >= 3) {
      return true;
    }
  },
});
