// expect: none
// Classic "adding problem" benchmark: an RNN reads (value, marker) pairs and must output the sum of the two marked values.
import * as tf from '@tensorflow/tfjs';

type Vars<K extends string = 'wx' | 'wh' | 'bh' | 'wo' | 'bo'> = { [P in K]: tf.Variable };

const HP = { units: 24, steps: 10, batch: 64, iters: 250, lr: 0.01 } as const;

const vars: Vars = {
  wx: tf.variable(tf.randomNormal([2, HP.units], 0, 0.4), true, 'add/wx'),
  wh: tf.variable(tf.mul(tf.eye(HP.units), 0.9), true, 'add/wh'),
  bh: tf.variable(tf.zeros([HP.units]), true, 'add/bh'),
  wo: tf.variable(tf.randomNormal([HP.units, 1], 0, 0.2), true, 'add/wo'),
  bo: tf.variable(tf.zeros([1]), true, 'add/bo'),
};

function batch(size: number = HP.batch) {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < size; i++) {
    const vals = Array.from({ length: HP.steps }, () => Math.random());
    const a = Math.floor(Math.random() * (HP.steps / 2));
    const b = Math.floor(HP.steps / 2 + Math.random() * (HP.steps / 2));
    xs.push(vals.map((v, t) => [v, t === a || t === b ? 1 : 0]));
    ys.push([vals[a]! + vals[b]!]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

const predict = (xs: tf.Tensor3D): tf.Tensor2D => {
  const [b] = xs.shape;
  const hT = tf
    .unstack(xs, 1)
    .reduce<tf.Tensor2D>(
      (h, xt) => tf.relu(tf.add(tf.add(tf.matMul(xt as tf.Tensor2D, vars.wx), tf.matMul(h, vars.wh)), vars.bh)),
      tf.zeros([b, HP.units]),
    );
  return tf.add(tf.matMul(hT, vars.wo), vars.bo);
};

export async function train(log: (msg: string) => void = console.log) {
  const opt = tf.train.adam(HP.lr);
  let last = Number.NaN;
  for (let it = 1; it <= HP.iters; it++) {
    const { xs, ys } = batch();
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(ys, predict(xs)) as tf.Scalar);
    const clipped = Object.entries(grads).map(([name, g]) => ({ name, tensor: tf.clipByValue(g, -1, 1) }));
    opt.applyGradients(clipped);
    last = (await value.data())[0] ?? last;
    tf.dispose([xs, ys, value, ...Object.values(grads), ...clipped.map((c) => c.tensor)]);
    if (it % 50 === 0) log(`iter ${it}: mse ${last.toFixed(4)} (baseline ~0.167)`);
  }
  opt.dispose();
  return last;
}

export { vars, predict };

if (import.meta.url === `file://${process.argv[1]}`) {
  await train();
  const { xs, ys } = batch(5);
  const pred = predict(xs);
  console.log('target', Array.from(ys.dataSync()).map((v) => v.toFixed(2)).join(' '));
  console.log('pred  ', Array.from(pred.dataSync()).map((v) => v.toFixed(2)).join(' '));
}
