// expect: none
// Hand-rolled LSTM that reads a window of vibration readings and predicts whether the machine is about to fail
import * as tf from '@tensorflow/tfjs';

const N_IN = 2; // vibration, temperature
const N_H = 16;
const T = 15;

type LSTMState = { h: tf.Tensor2D; c: tf.Tensor2D };

function w(shape: number[]) {
  return tf.variable(tf.randomNormal(shape, 0, 0.15));
}
// one big matrix for all four gates: [i, f, g, o]
const W = w([N_IN, 4 * N_H]);
const U = w([N_H, 4 * N_H]);
const bias = tf.variable(tf.concat([tf.zeros([N_H]), tf.ones([N_H]), tf.zeros([2 * N_H])]));
const Wout = w([N_H, 1]);
const bout = tf.variable(tf.zeros([1]));

function lstmCell(x: tf.Tensor2D, state: LSTMState): LSTMState {
  const gates = tf.matMul(x, W).add(tf.matMul(state.h, U)).add(bias);
  const [iRaw, fRaw, gRaw, oRaw] = tf.split(gates, 4, 1);
  const i = tf.sigmoid(iRaw);
  const f = tf.sigmoid(fRaw);
  const g = tf.tanh(gRaw);
  const o = tf.sigmoid(oRaw);
  const c = f.mul(state.c).add(i.mul(g)) as tf.Tensor2D;
  const h = o.mul(tf.tanh(c)) as tf.Tensor2D;
  return { h, c };
}

function run(xs: tf.Tensor3D): tf.Tensor2D {
  const batch = xs.shape[0];
  let state: LSTMState = { h: tf.zeros([batch, N_H]), c: tf.zeros([batch, N_H]) };
  const steps = tf.unstack(xs, 1) as tf.Tensor2D[];
  for (const x of steps) {
    state = lstmCell(x, state);
  }
  return tf.sigmoid(tf.matMul(state.h, Wout).add(bout));
}

// failing machines: vibration ramps up early in the window and stays high
function makeBatch(n: number) {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let k = 0; k < n; k++) {
    const failing = Math.random() < 0.5;
    const rampAt = Math.floor(Math.random() * 4);
    const seq: number[][] = [];
    for (let t = 0; t < T; t++) {
      const vib = failing && t >= rampAt && t < rampAt + 3 ? 1.0 : 0.1 * Math.random();
      seq.push([vib, 0.5 + 0.1 * Math.random()]);
    }
    xs.push(seq);
    ys.push([failing ? 1 : 0]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

async function main() {
  const opt = tf.train.adam(0.005);
  for (let it = 0; it < 120; it++) {
    const { xs, ys } = makeBatch(64);
    const loss = opt.minimize(() => tf.losses.logLoss(ys, run(xs)) as tf.Scalar, true)!;
    if (it % 30 === 0) console.log('iter', it, 'loss', loss.dataSync()[0].toFixed(4));
    tf.dispose([xs, ys, loss]);
  }

  // streaming check on one machine, frame by frame
  let live: LSTMState = { h: tf.zeros([1, N_H]), c: tf.zeros([1, N_H]) };
  const test = makeBatch(1);
  const frames = tf.unstack(test.xs, 1) as tf.Tensor2D[];
  for (const frame of frames) {
    const next = tf.tidy(() => lstmCell(frame, live));
    tf.dispose([live.h, live.c]);
    live = next;
  }
  const p = tf.sigmoid(tf.matMul(live.h, Wout).add(bout));
  console.log('label', test.ys.dataSync()[0], 'streamed prob', p.dataSync()[0].toFixed(3), 'batch prob', run(test.xs).dataSync()[0].toFixed(3));
}

main();
