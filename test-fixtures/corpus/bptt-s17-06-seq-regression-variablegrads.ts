// expect: bptt-cut
// Trains a vanilla RNN to predict the running sum of a noisy signal, with a hand-written training loop.
import * as tf from '@tensorflow/tfjs';

interface Params {
  wx: tf.Variable;
  wh: tf.Variable;
  b: tf.Variable;
  wy: tf.Variable;
}

export function createParams(hidden: number): Params {
  return {
    wx: tf.variable(tf.randomNormal([1, hidden], 0, 0.5, 'float32', 1), true, 'wx'),
    wh: tf.variable(tf.randomNormal([hidden, hidden], 0, 0.2, 'float32', 2), true, 'wh'),
    b: tf.variable(tf.zeros([hidden]), true, 'b'),
    wy: tf.variable(tf.randomNormal([hidden, 1], 0, 0.5, 'float32', 3), true, 'wy'),
  };
}

function toStateMatrix(h: tf.Tensor): tf.Tensor2D {
  const rows = h.arraySync() as number[][];
  return tf.tensor2d(rows);
}

export function forward(p: Params, xs: tf.Tensor3D): tf.Tensor2D {
  const [batch, steps] = xs.shape;
  let h: tf.Tensor2D = tf.zeros([batch, p.wh.shape[0]]);
  for (let t = 0; t < steps; t++) {
    const xt = xs.slice([0, t, 0], [batch, 1, 1]).reshape([batch, 1]) as tf.Tensor2D;
    const pre = tf.matMul(xt, p.wx).add(tf.matMul(h, p.wh)).add(p.b);
    h = toStateMatrix(tf.tanh(pre));
  }
  return tf.matMul(h, p.wy) as tf.Tensor2D;
}

export function makeBatch(batch: number, steps: number, seed: number) {
  return tf.tidy(() => {
    const xs = tf.randomUniform([batch, steps, 1], -1, 1, 'float32', seed) as tf.Tensor3D;
    const ys = xs.sum(1) as tf.Tensor2D;
    return { xs, ys };
  });
}

export async function train(epochs = 30, hidden = 8) {
  const p = createParams(hidden);
  const opt: tf.Optimizer = tf.train.adam(0.01);
  const history: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { xs, ys } = makeBatch(16, 10, epoch);
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(ys, forward(p, xs)) as tf.Scalar);
    opt.applyGradients(grads);
    history.push((await value.data())[0]);
    tf.dispose([xs, ys, value, grads]);
  }
  return { params: p, history };
}
