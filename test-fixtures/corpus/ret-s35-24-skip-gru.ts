// expect: returns-input-state
// Skip-GRU (Campos et al., 2018) that learns to skip state updates on long, mostly idle sensor sequences.
import * as tf from '@tensorflow/tfjs';

interface SkipState {
  h: tf.Tensor2D;
  uProb: tf.Tensor2D; // accumulated update probability ũ_t, [B, 1]
}

// forward: round(); backward: pass the gradient straight through
const roundST = tf.customGrad((...args) => {
  const x = args[0] as tf.Tensor;
  return { value: tf.round(x), gradFunc: (dy: tf.Tensor) => dy };
});

export class SkipGRUCell {
  readonly W: tf.Variable<tf.Rank.R2>;
  readonly U: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;
  readonly wp: tf.Variable<tf.Rank.R2>;
  readonly bp: tf.Variable<tf.Rank.R1>;

  constructor(inputDim: number, readonly units: number) {
    this.W = tf.variable(tf.randomNormal([inputDim, 3 * units], 0, 1 / Math.sqrt(inputDim)));
    this.U = tf.variable(tf.randomNormal([units, 3 * units], 0, 1 / Math.sqrt(units)));
    this.b = tf.variable(tf.zeros([3 * units]));
    this.wp = tf.variable(tf.randomNormal([units, 1], 0, 0.1));
    this.bp = tf.variable(tf.fill([1], 1));
  }

  initialState(batch: number): SkipState {
    return { h: tf.zeros([batch, this.units]), uProb: tf.ones([batch, 1]) };
  }

  private gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, this.W), this.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.U), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
  }

  step(x: tf.Tensor2D, state: SkipState): { output: tf.Tensor2D; state: SkipState; u: tf.Tensor2D } {
    const { h, uProb } = state;
    const u = roundST(uProb) as tf.Tensor2D;
    const hMixed: tf.Tensor2D = tf.add(tf.mul(u, this.gru(x, h)), tf.mul(tf.sub(1, u), h));
    const delta = tf.sigmoid(tf.add(tf.matMul(hMixed, this.wp), this.bp));
    const nextProb: tf.Tensor2D = tf.add(
      tf.mul(u, delta),
      tf.mul(tf.sub(1, u), tf.add(uProb, tf.minimum(delta, tf.sub(1, uProb)))),
    );
    return { output: hMixed, state: { h, uProb: nextProb }, u };
  }
}

const IN = 3;
const UNITS = 48;
const BUDGET = 5e-4;
const cell = new SkipGRUCell(IN, UNITS);
const Wo = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.05));
const bo = tf.variable(tf.zeros([1]));

function lossFn(xs: tf.Tensor3D, ys: tf.Tensor2D): tf.Scalar {
  const [B, T] = xs.shape;
  let state = cell.initialState(B);
  let output = state.h;
  const updates: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const res = cell.step(tf.reshape(tf.slice(xs, [0, t, 0], [B, 1, IN]), [B, IN]), state);
    state = res.state;
    output = res.output;
    updates.push(res.u);
  }
  const logit = tf.add(tf.matMul(output, Wo), bo);
  const task = tf.losses.sigmoidCrossEntropy(ys, logit);
  const budget = tf.mul(BUDGET, tf.mean(tf.sum(tf.concat(updates, 1), 1)));
  return tf.add(task, budget) as tf.Scalar;
}

// Idle sensor traces; label = whether a fault pulse appears anywhere in the trace.
function makeBatch(n: number, T = 200): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xb = tf.buffer([n, T, IN]);
  const labels: number[][] = [];
  for (let i = 0; i < n; i++) {
    const fault = Math.random() < 0.5;
    const at = Math.floor(Math.random() * (T - 5));
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < IN; k++) xb.set(0.05 * Math.random() + (fault && t >= at && t < at + 5 ? 1 : 0), i, t, k);
    }
    labels.push([fault ? 1 : 0]);
  }
  return { xs: xb.toTensor() as tf.Tensor3D, ys: tf.tensor2d(labels) };
}

async function main(): Promise<void> {
  const optimizer = tf.train.adam(1e-3);
  for (let it = 1; it <= 400; it++) {
    const { xs, ys } = makeBatch(32);
    const loss = optimizer.minimize(() => lossFn(xs, ys), true)!;
    if (it % 50 === 0) console.log(`iter ${it}  loss ${(await loss.data())[0].toFixed(4)}`);
    tf.dispose([xs, ys, loss]);
  }
}

main();
