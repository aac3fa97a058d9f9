// expect: bptt-cut
// Per-symbol online learner: after each 30-bar window closes, trade on the forecast and nudge the RNN toward the realised return.
import * as tf from '@tensorflow/tfjs';

const H = 12;

export class SymbolLearner {
  readonly wx = tf.variable(tf.randomNormal([2, H], 0, 0.3, 'float32', 101));
  readonly wh = tf.variable(tf.randomNormal([H, H], 0, 0.3, 'float32', 102));
  readonly b = tf.variable(tf.zeros([H]));
  readonly wy = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 103));
  readonly by = tf.variable(tf.zeros([1]));
  private readonly opt = tf.train.sgd(0.05);

  constructor(readonly symbol: string) {}

  private encode(window: number[][]): tf.Tensor2D {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    for (const bar of window) {
      h = tf.tanh(tf.tensor2d([bar]).matMul(this.wx).add(h.matMul(this.wh)).add(this.b)) as tf.Tensor2D;
    }
    return h;
  }

  onWindowClosed(window: number[][], realisedNext: number): { forecast: number; loss: number } {
    return tf.tidy(() => {
      const hT = this.encode(window);
      const forecast = hT.matMul(this.wy).add(this.by).dataSync()[0];

      const target = tf.scalar(realisedNext);
      const { value, grads } = tf.variableGrads(
        () => tf.losses.meanSquaredError(target, hT.matMul(this.wy).add(this.by).squeeze()) as tf.Scalar,
        [this.wx, this.wh, this.b, this.wy, this.by]
      );
      this.opt.applyGradients(grads);
      return { forecast, loss: value.dataSync()[0] };
    });
  }
}

export class Desk {
  private readonly learners = new Map<string, SymbolLearner>();
  private readonly bars = new Map<string, number[][]>();
  readonly pnl = new Map<string, number>();

  constructor(private readonly windowLen = 30) {}

  onBar(symbol: string, ret: number, spread: number): void {
    const buf = this.bars.get(symbol) ?? [];
    buf.push([ret * 100, spread * 1e4]);
    this.bars.set(symbol, buf);
    if (buf.length <= this.windowLen) return;

    const window = buf.slice(0, this.windowLen);
    const realised = buf[this.windowLen][0];
    this.bars.set(symbol, buf.slice(this.windowLen));

    let learner = this.learners.get(symbol);
    if (!learner) {
      learner = new SymbolLearner(symbol);
      this.learners.set(symbol, learner);
    }
    const { forecast, loss } = learner.onWindowClosed(window, realised);
    const side = Math.sign(forecast);
    this.pnl.set(symbol, (this.pnl.get(symbol) ?? 0) + side * realised);
    console.log(symbol, 'forecast', forecast.toFixed(3), 'realised', realised.toFixed(3), 'loss', loss.toFixed(4));
  }
}

if (require.main === module) {
  const desk = new Desk(30);
  for (let i = 0; i < 160; i++) {
    desk.onBar('EURUSD', 0.001 * Math.sin(i / 6), 0.00008);
    desk.onBar('USDJPY', 0.002 * Math.cos(i / 9), 0.0001);
  }
  console.log(Object.fromEntries(desk.pnl));
}
