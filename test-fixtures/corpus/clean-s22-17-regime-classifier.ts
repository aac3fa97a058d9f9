// expect: none
// Market regime classifier (calm / trending / stressed) updated on each 5-minute bar, with one LSTM state per symbol.
import * as tf from '@tensorflow/tfjs';

type Memory = { h: tf.Tensor2D; c: tf.Tensor2D };
const REGIMES = ['calm', 'trending', 'stressed'];

export class RegimeLstm {
  private readonly wi: tf.Variable;
  private readonly wr: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly wCls: tf.Variable;
  private readonly bCls: tf.Variable;
  private readonly memory = new Map<string, Memory>();

  constructor(private readonly features = 3, private readonly units = 10) {
    this.wi = tf.variable(tf.randomNormal([features, 4 * units], 0, 0.3, 'float32', 121));
    this.wr = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', 122));
    this.bias = tf.variable(tf.zeros([4 * units]));
    this.wCls = tf.variable(tf.randomNormal([units, REGIMES.length], 0, 0.3, 'float32', 123));
    this.bCls = tf.variable(tf.zeros([REGIMES.length]));
  }

  private step(x: tf.Tensor2D, mem: Memory): Memory {
    const z = x.matMul(this.wi).add(mem.h.matMul(this.wr)).add(this.bias);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const input = tf.sigmoid(zi);
    const forget = tf.sigmoid(zf);
    const candidate = tf.tanh(zg);
    const output = tf.sigmoid(zo);
    const c = forget.mul(mem.c).add(input.mul(candidate)) as tf.Tensor2D;
    const h = output.mul(tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  }

  onBar(symbol: string, bar: { ret: number; range: number; volume: number }): Record<string, number> {
    const prev = this.memory.get(symbol) ?? { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
    const { next, probs } = tf.tidy(() => {
      const x = tf.tensor2d([[bar.ret * 100, bar.range * 100, Math.log1p(bar.volume) / 10]]);
      const mem = this.step(x, prev as Memory);
      const logits = mem.h.matMul(this.wCls).add(this.bCls);
      return { next: mem, probs: tf.softmax(logits) };
    });
    tf.dispose([prev.h, prev.c]);
    this.memory.set(symbol, next);

    const p = probs.dataSync();
    probs.dispose();
    const out: Record<string, number> = {};
    REGIMES.forEach((name, i) => (out[name] = p[i]));
    return out;
  }

  closeSymbol(symbol: string): void {
    const m = this.memory.get(symbol);
    if (m) tf.dispose([m.h, m.c]);
    this.memory.delete(symbol);
  }

  openSymbols(): number {
    return this.memory.size;
  }
}

if (require.main === module) {
  const clf = new RegimeLstm();
  let price = 100;
  for (let i = 0; i < 78; i++) {
    const ret = i < 40 ? 0.0005 * Math.sin(i) : 0.004 * Math.sin(i / 2) - 0.001;
    price *= 1 + ret;
    const probs = clf.onBar('SPY', { ret, range: Math.abs(ret) * 1.5 + 0.0005, volume: 1e5 + (i > 40 ? 4e5 : 0) });
    if (i % 13 === 0) console.log(i, price.toFixed(2), probs);
  }
  clf.closeSymbol('SPY');
  console.log('open', clf.openSymbols(), 'tensors', tf.memory().numTensors);
}
