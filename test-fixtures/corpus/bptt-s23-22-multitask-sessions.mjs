// expect: bptt-cut
// Multi-task session model: one recurrent encoder over clicks feeding a next-item head and a will-purchase head.
import * as tf from '@tensorflow/tfjs';

export function initModel({ items = 40, emb = 12, units = 20, seed = 1 } = {}) {
  const v = (shape, s) => tf.variable(tf.randomNormal(shape, 0, 0.2, 'float32', seed + s));
  return {
    items,
    units,
    params: {
      emb: v([items, emb], 0),
      wx: v([emb, units], 1),
      wh: v([units, units], 2),
      bh: tf.variable(tf.zeros([units])),
      wItem: v([units, items], 3),
      wBuy: v([units, 1], 4),
    },
  };
}

const finite = (rows) => rows.map((r) => r.map((x) => (Number.isFinite(x) ? x : 0)));

function encoderStates(model, clicks) {
  const { params, units } = model;
  const [batch, T] = clicks.shape;
  const states = [];
  let h = tf.zeros([batch, units]);
  for (let t = 0; t < T; t++) {
    const ids = clicks.slice([0, t], [batch, 1]).reshape([batch]);
    const x = tf.gather(params.emb, ids);
    const hNext = tf.tanh(tf.matMul(x, params.wx).add(tf.matMul(h, params.wh)).add(params.bh));
    h = tf.tensor2d(finite(hNext.arraySync()));
    states.push(hNext);
  }
  return states;
}

export function multiTaskLoss(model, clicks, bought, buyWeight = 0.5) {
  const { params, items } = model;
  const [batch, T] = clicks.shape;
  const states = encoderStates(model, clicks);
  const itemLosses = [];
  for (let t = 0; t < T - 1; t++) {
    const target = clicks.slice([0, t + 1], [batch, 1]).reshape([batch]);
    const logits = tf.matMul(states[t], params.wItem);
    itemLosses.push(tf.losses.softmaxCrossEntropy(tf.oneHot(target, items), logits));
  }
  const buyLogit = tf.matMul(states[T - 1], params.wBuy);
  const buyLoss = tf.losses.sigmoidCrossEntropy(bought, buyLogit);
  return tf.addN(itemLosses).div(T - 1).add(buyLoss.mul(buyWeight));
}

export async function train(model, clicks, bought, { steps = 20, lr = 0.03 } = {}) {
  const opt = tf.train.adam(lr);
  const log = [];
  for (let s = 0; s < steps; s++) {
    const { value, grads } = tf.variableGrads(() => multiTaskLoss(model, clicks, bought));
    opt.applyGradients(grads);
    log.push((await value.data())[0]);
    tf.dispose([value, ...Object.values(grads)]);
  }
  return log;
}

function toyData(n = 16, T = 6, items = 40) {
  const rows = [];
  const buys = [];
  for (let i = 0; i < n; i++) {
    const start = 1 + (i % 13);
    rows.push(Array.from({ length: T }, (_, t) => (start + 3 * t) % items));
    buys.push([i % 3 === 0 ? 1 : 0]);
  }
  return { clicks: tf.tensor2d(rows, undefined, 'int32'), bought: tf.tensor2d(buys) };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const model = initModel();
  const { clicks, bought } = toyData();
  const log = await train(model, clicks, bought, { steps: 25 });
  console.log('loss', log[0].toFixed(3), '->', log[log.length - 1].toFixed(3));
}
