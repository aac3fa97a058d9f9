// expect: none
// Batched review classifier over right-padded token sequences: at padded timesteps the LSTM keeps the previous h/c through tf.where on the mask, otherwise it takes the new ones; training runs the masked unroll inside optimizer.minimize.
import * as tf from '@tensorflow/tfjs';

const UNITS = 64;
const PAD = 0;

interface Weights { emb: tf.Variable; kernel: tf.Variable; bias: tf.Variable; head: tf.Variable }

export function initWeights(vocab: number, embDim = 48): Weights {
  return {
    emb: tf.variable(tf.randomUniform([vocab, embDim], -0.05, 0.05)),
    kernel: tf.variable(tf.randomNormal([embDim + UNITS, 4 * UNITS], 0, 0.05)),
    bias: tf.variable(tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])])),
    head: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.05)),
  };
}

function lstm(w: Weights, x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const gates = tf.matMul(tf.concat([x, h], 1), w.kernel as tf.Tensor2D).add(w.bias);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  return [tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D, cNew];
}

export function encodeBatch(w: Weights, ids: tf.Tensor2D): tf.Tensor2D {
  const [batch, len] = ids.shape;
  let h: tf.Tensor2D = tf.zeros([batch, UNITS]);
  let c: tf.Tensor2D = tf.zeros([batch, UNITS]);
  for (let t = 0; t < len; t++) {
    const col = ids.slice([0, t], [batch, 1]).reshape([batch]) as tf.Tensor1D;
    const x = tf.gather(w.emb, col) as tf.Tensor2D;
    const live = tf.broadcastTo(col.notEqual(PAD).reshape([batch, 1]), [batch, UNITS]);
    const [hNew, cNew] = lstm(w, x, h, c);
    h = tf.where(live, hNew, h);
    c = tf.where(live, cNew, c);
  }
  return h;
}

export function pad(seqs: number[][], maxLen: number): tf.Tensor2D {
  return tf.tensor2d(
    seqs.map((s) => [...s.slice(0, maxLen), ...new Array(Math.max(0, maxLen - s.length)).fill(PAD)]),
    [seqs.length, maxLen], 'int32');
}

export async function fitReviews(
  w: Weights, reviews: number[][], labels: number[],
  { epochs = 4, batchSize = 32, maxLen = 200, onBatch }: {
    epochs?: number; batchSize?: number; maxLen?: number; onBatch?: (e: number, b: number, loss: number) => void;
  } = {},
): Promise<void> {
  const opt = tf.train.adam(1e-3);
  for (let e = 0; e < epochs; e++) {
    for (let b = 0; b * batchSize < reviews.length; b++) {
      const ids = pad(reviews.slice(b * batchSize, (b + 1) * batchSize), maxLen);
      const ys = tf.tensor2d(labels.slice(b * batchSize, (b + 1) * batchSize), [ids.shape[0], 1]);
      const loss = opt.minimize(
        () => tf.losses.sigmoidCrossEntropy(ys, tf.matMul(encodeBatch(w, ids), w.head as tf.Tensor2D)) as tf.Scalar,
        true,
      );
      onBatch?.(e, b, loss ? (await loss.data())[0] : NaN);
      tf.dispose([ids, ys, loss ?? []]);
    }
  }
}
