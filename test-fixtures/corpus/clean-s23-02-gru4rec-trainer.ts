// expect: none
// Trains a GRU4Rec-style next-click model on padded session batches (item id 0 = padding) and logs the loss.
import * as tf from '@tensorflow/tfjs';

interface Params {
  emb: tf.Variable;
  wx: tf.Variable;
  wh: tf.Variable;
  b: tf.Variable;
  wo: tf.Variable;
  bo: tf.Variable;
}

function makeParams(numItems: number, embDim: number, units: number): Params {
  const init = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.1));
  return {
    emb: init([numItems, embDim]),
    wx: init([embDim, 3 * units]),
    wh: init([units, 3 * units]),
    b: tf.variable(tf.zeros([3 * units])),
    wo: init([units, numItems]),
    bo: tf.variable(tf.zeros([numItems])),
  };
}

function gruCell(p: Params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [xr, xz, xn] = tf.split(tf.matMul(x, p.wx).add(p.b), 3, 1);
  const [hr, hz, hn] = tf.split(tf.matMul(h, p.wh), 3, 1);
  const r = tf.sigmoid(xr.add(hr));
  const z = tf.sigmoid(xz.add(hz));
  const n = tf.tanh(xn.add(r.mul(hn)));
  // h' = z * h + (1 - z) * n
  return z.mul(h).add(tf.onesLike(z).sub(z).mul(n)) as tf.Tensor2D;
}

function sessionLoss(p: Params, sessions: tf.Tensor2D, numItems: number, units: number): tf.Scalar {
  const [batch, len] = sessions.shape;
  let h: tf.Tensor2D = tf.zeros([batch, units]);
  let total: tf.Tensor = tf.scalar(0);
  let count: tf.Tensor = tf.scalar(0);
  for (let t = 0; t < len - 1; t++) {
    const cur = sessions.slice([0, t], [batch, 1]).reshape([batch]) as tf.Tensor1D;
    const nxt = sessions.slice([0, t + 1], [batch, 1]).reshape([batch]) as tf.Tensor1D;
    const x = tf.gather(p.emb, cur) as tf.Tensor2D;
    h = gruCell(p, x, h);
    const logits = tf.matMul(h, p.wo).add(p.bo);
    const perRow = tf.losses.softmaxCrossEntropy(
      tf.oneHot(nxt, numItems), logits, undefined, 0, tf.Reduction.NONE);
    const mask = tf.notEqual(nxt, 0).toFloat();
    total = total.add(perRow.mul(mask).sum());
    count = count.add(mask.sum());
  }
  return total.div(tf.maximum(count, 1)) as tf.Scalar;
}

export async function train(sessions: number[][], numItems: number, epochs = 5): Promise<number[]> {
  const units = 24;
  const p = makeParams(numItems, 12, units);
  const opt: tf.Optimizer = tf.train.adam(0.02);
  const maxLen = Math.max(...sessions.map((s) => s.length));
  const padded = sessions.map((s) => [...s, ...new Array(maxLen - s.length).fill(0)]);
  const data = tf.tensor2d(padded, undefined, 'int32');
  const history: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const { value, grads } = tf.variableGrads(() => sessionLoss(p, data, numItems, units));
    opt.applyGradients(grads);
    history.push((await value.data())[0]);
    tf.dispose([value, ...Object.values(grads)]);
  }
  data.dispose();
  return history;
}

if (require.main === module) {
  const numItems = 30;
  const sessions: number[][] = [];
  for (let i = 0; i < 40; i++) {
    const start = 1 + (i % 10);
    const len = 3 + (i % 4);
    sessions.push(Array.from({ length: len }, (_, k) => 1 + ((start + 2 * k) % (numItems - 1))));
  }
  train(sessions, numItems, 30).then((h) => {
    console.log('loss:', h.filter((_, i) => i % 5 === 0 || i === h.length - 1).map((v) => v.toFixed(3)).join(' '));
  });
}
