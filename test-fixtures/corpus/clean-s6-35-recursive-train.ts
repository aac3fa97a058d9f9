// expect: none
// Trains a small GRU with optimizer.minimize where the sequence is unrolled by a recursive helper, predicting whether a loan will default from monthly payments.
import * as tf from '@tensorflow/tfjs';

const FEAT = 6;
const UNITS = 24;

const param = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.1));
const p = {
  Wz: param([FEAT, UNITS]), Uz: param([UNITS, UNITS]),
  Wr: param([FEAT, UNITS]), Ur: param([UNITS, UNITS]),
  Wn: param([FEAT, UNITS]), Un: param([UNITS, UNITS]),
  Wo: param([UNITS, 1]), bo: tf.variable(tf.zeros([1])),
};
const optimizer = tf.train.adam(3e-3);

function gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.sigmoid(tf.add(tf.matMul(x, p.Wz), tf.matMul(h, p.Uz)));
  const r = tf.sigmoid(tf.add(tf.matMul(x, p.Wr), tf.matMul(h, p.Ur)));
  const n = tf.tanh(tf.add(tf.matMul(x, p.Wn), tf.mul(r, tf.matMul(h, p.Un))));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

const unroll = (xs: tf.Tensor2D[], t: number, h: tf.Tensor2D): tf.Tensor2D =>
  t === xs.length ? h : unroll(xs, t + 1, gru(xs[t], h));

function defaultLogit(months: tf.Tensor3D): tf.Tensor2D {
  const xs = tf.unstack(months, 1) as tf.Tensor2D[];
  const h0: tf.Tensor2D = tf.zeros([months.shape[0], UNITS]);
  const hT = unroll(xs, 0, h0);
  return tf.add(tf.matMul(hT, p.Wo), p.bo);
}

export async function train(months: tf.Tensor3D, defaulted: tf.Tensor2D, epochs = 40): Promise<void> {
  for (let e = 0; e < epochs; e++) {
    const loss = optimizer.minimize(
      () => tf.losses.sigmoidCrossEntropy(defaulted, defaultLogit(months)) as tf.Scalar,
      true,
    );
    if (e % 10 === 0) {
      // read back only for logging, after the update
      console.log(`epoch ${e}: ${loss!.dataSync()[0].toFixed(4)}`);
    }
    loss!.dispose();
    await tf.nextFrame();
  }
}

export function riskScores(months: tf.Tensor3D): number[] {
  return tf.tidy(() => Array.from(tf.sigmoid(defaultLogit(months)).dataSync()));
}
