// expect: returns-input-state, state-leak
// Backfills hourly volatility forecasts for every symbol on the watchlist before the live feed starts.
import * as tf from '@tensorflow/tfjs';

const U = 8;

type Carry = { h: tf.Tensor2D; c: tf.Tensor2D };
type Params = { w: tf.Tensor2D; b: tf.Tensor1D; wy: tf.Tensor2D; by: tf.Tensor1D };

export function loadParams(): Params {
  return {
    w: tf.randomNormal([1 + U, 4 * U], 0, 0.3, 'float32', 231),
    b: tf.zeros([4 * U]),
    wy: tf.randomNormal([U, 1], 0, 0.3, 'float32', 232),
    by: tf.zeros([1]),
  };
}

function lstmStep(p: Params, x: tf.Tensor2D, state: Carry): { out: tf.Tensor2D; state: Carry } {
  return tf.tidy(() => {
    const gates = tf.concat([x, state.h], 1).matMul(p.w).add(p.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const cNew = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
    const out = tf.softplus(hNew.matMul(p.wy).add(p.by)) as tf.Tensor2D;
    return { out, state: { ...state, c: cNew } };
  });
}

function release(prev: Carry, next: Carry): void {
  if (prev.h !== next.h) prev.h.dispose();
  if (prev.c !== next.c) prev.c.dispose();
}

function hourlyAbsReturns(closes: number[]): number[] {
  const out: number[] = [];
  for (let t = 1; t < closes.length; t++) out.push(Math.abs(Math.log(closes[t] / closes[t - 1])) * 100);
  return out;
}

export function backfillAll(p: Params, history: Record<string, number[]>): Record<string, number[]> {
  const forecasts: Record<string, number[]> = {};
  let state: Carry = { h: tf.zeros([1, U]), c: tf.zeros([1, U]) };

  for (const symbol of Object.keys(history)) {
    const absRets = hourlyAbsReturns(history[symbol]);
    const out: number[] = [];
    for (const r of absRets) {
      const x = tf.tensor2d([[r]]);
      const res = lstmStep(p, x, state);
      x.dispose();
      release(state, res.state);
      state = res.state;
      out.push(res.out.dataSync()[0]);
      res.out.dispose();
    }
    forecasts[symbol] = out;
  }

  tf.dispose([state.h, state.c]);
  return forecasts;
}

function fakeCloses(seed: number, n: number): number[] {
  const closes = [100];
  for (let t = 1; t < n; t++) {
    const vol = 0.002 + 0.004 * (Math.sin(t / (10 + seed)) + 1);
    closes.push(closes[t - 1] * (1 + vol * Math.sin(t * (1.3 + seed))));
  }
  return closes;
}

if (require.main === module) {
  const p = loadParams();
  const result = backfillAll(p, { BTC: fakeCloses(1, 72), ETH: fakeCloses(2, 72), SOL: fakeCloses(3, 72) });
  for (const [sym, f] of Object.entries(result)) {
    console.log(sym, 'last forecast', f[f.length - 1].toFixed(4), 'steps', f.length);
  }
  console.log('tensors', tf.memory().numTensors);
}
