// A dataset that only prepares the inputs; the RNN runs inside the closure. A pipeline that encodes a
// burn-in prefix the closure unrolls on from is truncated on purpose; an encoded dataset read only for
// evaluation trains nothing.
import * as tf from '@tensorflow/tfjs';

const wx = tf.variable(tf.randomNormal([2, 8]));
const wh = tf.variable(tf.randomNormal([8, 8]));
const wOut = tf.variable(tf.randomNormal([8, 1]));

type Window = { xs: tf.Tensor2D; y: tf.Tensor2D };

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(wx).add(h.matMul(wh)));
}

function encode(xs: tf.Tensor2D, h0?: tf.Tensor2D): tf.Tensor2D {
  let h = h0 ?? (tf.zeros([1, 8]) as tf.Tensor2D);
  for (const row of tf.unstack(xs)) h = step(row.reshape([1, 2]), h);
  return h.reshape([1, 8]) as tf.Tensor2D;
}

function normalize(xs: tf.Tensor2D): tf.Tensor2D {
  return xs.sub(xs.mean(0)).div(xs.max().add(1e-6)) as tf.Tensor2D;
}

function* windows(): Generator<Window> {
  yield { xs: tf.randomNormal([10, 2]), y: tf.ones([1, 1]) };
}

export async function train(): Promise<void> {
  const optimizer = tf.train.adam(0.01);
  const prepared = tf.data.generator(windows).map((w) => {
    const { xs, y } = w as Window;
    return { xs: normalize(xs), y };
  }).shuffle(8);
  await prepared.forEachAsync(({ xs, y }) => {
    optimizer.minimize(() => tf.losses.meanSquaredError(y, encode(xs as tf.Tensor2D).matMul(wOut)) as tf.Scalar);
  });

  const burnIn = tf.data.generator(windows).map((w) => {
    const { xs, y } = w as Window;
    return { h0: encode(xs.slice([0, 0], [5, 2])), rest: xs.slice([5, 0], [5, 2]), y };
  });
  await burnIn.forEachAsync(({ h0, rest, y }) => {
    optimizer.minimize(() => {
      let h = h0 as tf.Tensor2D;
      for (const row of tf.unstack(rest as tf.Tensor2D)) h = step(row.reshape([1, 2]), h);
      return tf.losses.meanSquaredError(y as tf.Tensor2D, h.matMul(wOut)) as tf.Scalar;
    });
  });
}

export async function evaluate(): Promise<number[]> {
  const out: number[] = [];
  const encoded = tf.data.generator(windows).map((w) => ({ h: encode((w as Window).xs) }));
  await encoded.forEachAsync(({ h }) => { out.push(h.matMul(wOut).dataSync()[0]!); });
  return out;
}
