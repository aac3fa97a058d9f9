// expect: returns-input-state
// peephole LSTM cell as a class (keras-ish call(x, states) API) for my stock-price-direction toy
import * as tf from '@tensorflow/tfjs';

export class PeepholeLSTMCell {
  private W: tf.Variable;
  private U: tf.Variable;
  private b: tf.Variable;
  private p_i: tf.Variable;
  private p_f: tf.Variable;
  private p_o: tf.Variable;

  constructor(public inputDim: number, public units: number) {
    this.W = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.3));
    this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.3));
    this.b = tf.variable(tf.zeros([4 * units]));
    this.p_i = tf.variable(tf.randomNormal([units], 0, 0.1));
    this.p_f = tf.variable(tf.randomNormal([units], 0, 0.1));
    this.p_o = tf.variable(tf.randomNormal([units], 0, 0.1));
  }

  getInitialState(batch: number): tf.Tensor2D[] {
    return [tf.zeros([batch, this.units]), tf.zeros([batch, this.units])];
  }

  call(x: tf.Tensor2D, states: tf.Tensor2D[]): { output: tf.Tensor2D; states: tf.Tensor2D[] } {
    const [hPrev, cPrev] = states;
    const z = x.matMul(this.W).add(hPrev.matMul(this.U)).add(this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi.add(cPrev.mul(this.p_i)));
    const f = tf.sigmoid(zf.add(cPrev.mul(this.p_f)));
    const g = tf.tanh(zg);
    const c = f.mul(cPrev).add(i.mul(g));
    const o = tf.sigmoid(zo.add(c.mul(this.p_o)));
    const h = o.mul(tf.tanh(c)) as tf.Tensor2D;
    return { output: h, states: [h, states[1]] };
  }
}

// ---------------- toy data + training ----------------
const LOOKBACK = 12;
const cell = new PeepholeLSTMCell(1, 16);
const Wd = tf.variable(tf.randomNormal([16, 1], 0, 0.2));
const bd = tf.variable(tf.zeros([1]));
const optimizer = tf.train.adam(0.01);

function fakePrices(n: number): number[] {
  const p = [100];
  for (let i = 1; i < n; i++) p.push(p[i - 1] * (1 + 0.01 * Math.sin(i / 4) + (Math.random() - 0.5) * 0.01));
  return p;
}

function toBatch(prices: number[]) {
  const rets = prices.slice(1).map((v, i) => (v - prices[i]) / prices[i] * 100);
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i + LOOKBACK < rets.length; i++) {
    xs.push(rets.slice(i, i + LOOKBACK));
    ys.push([rets[i + LOOKBACK] > 0 ? 1 : 0]);
  }
  return { xs: tf.tensor2d(xs), ys: tf.tensor2d(ys) };
}

export function forward(xs: tf.Tensor2D): tf.Tensor2D {
  const B = xs.shape[0];
  let states = cell.getInitialState(B);
  let out: tf.Tensor2D = states[0];
  for (let t = 0; t < LOOKBACK; t++) {
    const res = cell.call(xs.slice([0, t], [B, 1]), states);
    out = res.output;
    states = res.states;
  }
  return out.matMul(Wd).add(bd) as tf.Tensor2D;
}

export { cell };

async function main() {
  const { xs, ys } = toBatch(fakePrices(300));
  for (let epoch = 0; epoch < 30; epoch++) {
    const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(ys, forward(xs)) as tf.Scalar, true)!;
    if (epoch % 10 === 0) console.log(`epoch ${epoch} bce ${loss.dataSync()[0].toFixed(4)}`);
    loss.dispose();
    await tf.nextFrame();
  }
  const acc = tf.tidy(() => tf.sigmoid(forward(xs)).round().equal(ys).mean().dataSync()[0]);
  console.log('train accuracy', acc.toFixed(3), 'tensors', tf.memory().numTensors);
  tf.dispose([xs, ys]);
}

if (require.main === module) main();
