// expect: bptt-cut
// Trains a product-review sentiment RNN with optimizer.minimize, using a small customGrad helper on the recurrent vector to keep memory use flat on long reviews.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 12000;
const EMB = 48;
const UNITS = 64;

const emb = tf.variable(tf.randomNormal([VOCAB, EMB], 0, 0.05));
const Wx = tf.variable(tf.randomNormal([EMB, UNITS], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.05));
const bh = tf.variable(tf.zeros([UNITS]));
const Wo = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.05));
const bo = tf.variable(tf.zeros([1]));
const optimizer = tf.train.adam(1e-3);

const detach = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const t = args[0] as tf.Tensor;
  return { value: t.clone(), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

function reviewLogit(tokenIds: number[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, UNITS]);
  for (const id of tokenIds) {
    const x = tf.gather(emb, [id]);
    const hNew: tf.Tensor2D = tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), bh));
    h = detach(hNew) as tf.Tensor2D;
  }
  return tf.add(tf.matMul(h, Wo), bo);
}

export function trainReview(tokenIds: number[], positive: boolean): number {
  const label = tf.tensor2d([[positive ? 1 : 0]]);
  const loss = optimizer.minimize(
    () => tf.losses.sigmoidCrossEntropy(label, reviewLogit(tokenIds)) as tf.Scalar,
    true,
  );
  const value = loss!.dataSync()[0];
  tf.dispose([loss!, label]);
  return value;
}

export function predictPositive(tokenIds: number[]): number {
  return tf.tidy(() => tf.sigmoid(reviewLogit(tokenIds)).dataSync()[0]);
}

export async function trainCorpus(
  reviews: Array<{ ids: number[]; positive: boolean }>,
  epochs = 4,
): Promise<void> {
  for (let e = 0; e < epochs; e++) {
    tf.util.shuffle(reviews);
    let sum = 0;
    for (const r of reviews) sum += trainReview(r.ids, r.positive);
    const acc = reviews.filter((r) => (predictPositive(r.ids) > 0.5) === r.positive).length / reviews.length;
    console.log(`epoch ${e}: loss ${(sum / reviews.length).toFixed(4)} acc ${acc.toFixed(3)}`);
    await tf.nextFrame();
  }
}
