// expect: none
// Predicts a shopping basket's total from variable-length item lists: padded batches with a mask, RNN trained by variableGrads.
import * as tf from '@tensorflow/tfjs';

const MAX_ITEMS = 12;
const H = 16;
const PAD = -1;

const W = {
  x: tf.variable(tf.randomNormal([1, H], 0, 0.4), true, 'basket_wx'),
  h: tf.variable(tf.randomNormal([H, H], 0, 0.2), true, 'basket_wh'),
  b: tf.variable(tf.zeros([H]), true, 'basket_b'),
  out: tf.variable(tf.randomNormal([H, 1], 0, 0.2), true, 'basket_out'),
};

function* baskets() {
  for (;;) {
    const n = 1 + Math.floor(Math.random() * MAX_ITEMS);
    const prices = Array.from({ length: n }, () => Math.round(Math.random() * 100) / 100);
    const padded = [...prices, ...new Array<number>(MAX_ITEMS - n).fill(PAD)];
    const mask = padded.map((_, i) => (i < n ? 1 : 0));
    yield { prices: padded, mask, total: [prices.reduce((a, b) => a + b, 0)] };
  }
}

export function encodeBasket(prices: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  const n = prices.shape[0];
  let h: tf.Tensor2D = tf.zeros([n, H]);
  for (let t = 0; t < MAX_ITEMS; t++) {
    const x = prices.slice([0, t], [n, 1]);
    const m = mask.slice([0, t], [n, 1]);
    const candidate = tf.tanh(x.matMul(W.x).add(h.matMul(W.h)).add(W.b));
    // padded positions keep the previous state unchanged
    h = tf.add(tf.mul(m, candidate), tf.mul(tf.sub(1, m), h)) as tf.Tensor2D;
  }
  return h;
}

export function predictTotal(prices: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  return encodeBasket(prices, mask).matMul(W.out).mul(MAX_ITEMS / 2) as tf.Tensor2D;
}

function clipGlobal(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const total = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
    const factor = tf.minimum(tf.scalar(1), tf.div(maxNorm, tf.maximum(total, 1e-8)));
    const out: tf.NamedTensorMap = {};
    for (const k of Object.keys(grads)) out[k] = tf.mul(grads[k], factor);
    return out;
  });
}

type Batch = { prices: tf.Tensor2D; mask: tf.Tensor2D; total: tf.Tensor2D };

export async function main(): Promise<void> {
  const optimizer = tf.train.adam(0.01);
  const train = tf.data.generator(baskets).batch(32).take(30);
  const valBatch = (await tf.data.generator(baskets).batch(200).take(1).toArray())[0] as Batch;

  for (let epoch = 1; epoch <= 8; epoch++) {
    let sum = 0;
    let steps = 0;
    await train.forEachAsync((raw) => {
      const { prices, mask, total } = raw as Batch;
      const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(total, predictTotal(prices, mask)) as tf.Scalar);
      const clipped = clipGlobal(grads, 5);
      optimizer.applyGradients(clipped as Record<string, tf.Variable>);
      sum += value.dataSync()[0];
      steps++;
      tf.dispose([value, prices, mask, total, ...Object.values(grads), ...Object.values(clipped)]);
    });
    const valMae = tf.tidy(() =>
      tf.metrics.meanAbsoluteError(valBatch.total, predictTotal(valBatch.prices, valBatch.mask)).mean().dataSync()[0],
    );
    console.log(`epoch ${epoch}: mse ${(sum / steps).toFixed(4)}  val mae $${valMae.toFixed(3)}`);
  }

  // padding must not change the encoding of a basket
  tf.tidy(() => {
    const a = encodeBasket(tf.tensor2d([[0.5, 0.25, PAD, PAD, PAD, PAD, PAD, PAD, PAD, PAD, PAD, PAD]]), tf.tensor2d([[1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]));
    const b = encodeBasket(tf.tensor2d([[0.5, 0.25, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9]]), tf.tensor2d([[1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]));
    console.log('pad invariance gap:', a.sub(b).abs().max().dataSync()[0]);
  });
}

main();
