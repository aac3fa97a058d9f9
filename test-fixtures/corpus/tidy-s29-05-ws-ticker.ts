// expect: tidy-disposed-state
// Live price widget: every trade from the exchange WebSocket updates a GRU and we show the predicted next move.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;

interface Trade {
  price: number;
  size: number;
}

export class TickerForecaster {
  private h: tf.Tensor2D = tf.zeros([1, UNITS]);
  private lastPrice: number | null = null;
  private readonly w: tf.Tensor2D;
  private readonly u: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly wOut: tf.Tensor2D;

  constructor(seed = 21) {
    this.w = tf.randomNormal([2, 3 * UNITS], 0, 0.4, 'float32', seed);
    this.u = tf.randomNormal([UNITS, 3 * UNITS], 0, 0.2, 'float32', seed + 1);
    this.b = tf.zeros([3 * UNITS]);
    this.wOut = tf.randomNormal([UNITS, 1], 0, 0.3, 'float32', seed + 2);
  }

  update(trade: Trade): number {
    const ret = this.lastPrice === null ? 0 : Math.log(trade.price / this.lastPrice);
    this.lastPrice = trade.price;

    const move = tf.tidy(() => {
      const x = tf.tensor2d([[ret * 100, Math.log1p(trade.size)]]);
      const xw = tf.split(tf.matMul(x, this.w).add(this.b), 3, 1);
      const hu = tf.split(tf.matMul(this.h, this.u), 3, 1);
      const z = tf.sigmoid(xw[0].add(hu[0]));
      const r = tf.sigmoid(xw[1].add(hu[1]));
      const cand = tf.tanh(xw[2].add(r.mul(hu[2])));
      const next = z.mul(this.h).add(tf.sub(1, z).mul(cand)) as tf.Tensor2D;
      this.h = next;
      return tf.tanh(tf.matMul(next, this.wOut));
    });
    const value = move.dataSync()[0];
    move.dispose();
    return value;
  }

  reset(): void {
    this.h.dispose();
    this.h = tf.zeros([1, UNITS]);
    this.lastPrice = null;
  }
}

export function connectTicker(url: string, symbol: string, render: (text: string) => void): WebSocket {
  const forecaster = new TickerForecaster();
  const ws = new WebSocket(url);

  ws.onopen = () => {
    forecaster.reset();
    ws.send(JSON.stringify({ op: 'subscribe', channel: 'trades', symbol }));
  };

  ws.onmessage = (ev: MessageEvent) => {
    const msg = JSON.parse(String(ev.data));
    if (msg.type !== 'trade') return;
    const move = forecaster.update({ price: Number(msg.price), size: Number(msg.size) });
    const arrow = move > 0.05 ? '▲' : move < -0.05 ? '▼' : '•';
    render(`${symbol} ${Number(msg.price).toFixed(2)} ${arrow} ${move.toFixed(3)}`);
  };

  ws.onclose = () => render(`${symbol}: disconnected`);
  return ws;
}
