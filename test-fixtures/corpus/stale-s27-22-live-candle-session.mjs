// expect: stale-state
// Live paper-trading session: consumes an async candle feed, updates the model state per candle and places long/flat orders.
import * as tf from '@tensorflow/tfjs';

export function createCell(units = 10, seed = 161) {
  const wx = tf.randomNormal([3, units], 0, 0.6, 'float32', seed);
  const wh = tf.randomNormal([units, units], 0, 0.35, 'float32', seed + 1);
  const wy = tf.randomNormal([units, 1], 0, 0.7, 'float32', seed + 2);
  return {
    zeroState: () => tf.zeros([1, units]),
    step(x, h) {
      return tf.tidy(() => {
        const hNext = tf.tanh(x.matMul(wx).add(h.matMul(wh)));
        const y = tf.sigmoid(hNext.matMul(wy));
        return [y, hNext];
      });
    },
  };
}

function toInput(candle, prevClose) {
  return tf.tensor2d([[
    (candle.close / prevClose - 1) * 100,
    ((candle.high - candle.low) / candle.close) * 100,
    Math.log10(1 + candle.volume) / 6,
  ]]);
}

export async function runSession(cell, feed, broker) {
  const state = { h: cell.zeroState(), prevClose: null, position: 0 };
  const signals = [];
  for await (const candle of feed) {
    if (state.prevClose === null) {
      state.prevClose = candle.close;
      continue;
    }
    const x = toInput(candle, state.prevClose);
    const [y, hNext] = cell.step(x, state.h);
    const pUp = (await y.data())[0];
    tf.dispose([x, y]);
    state.hidden = hNext;
    state.prevClose = candle.close;
    signals.push(pUp);

    const want = pUp > 0.6 ? 1 : pUp < 0.4 ? 0 : state.position;
    if (want !== state.position) {
      await broker.order(want > state.position ? 'BUY' : 'SELL', candle.close);
      state.position = want;
    }
  }
  return signals;
}

export async function* candleFeed(n, seed = 1) {
  let px = 250;
  for (let i = 0; i < n; i++) {
    const open = px;
    px *= 1 + 0.004 * Math.sin(i / 6 + seed) + 0.002 * Math.cos(i * 1.3);
    yield { open, high: Math.max(open, px) * 1.001, low: Math.min(open, px) * 0.999, close: px, volume: 5000 + 100 * i };
    await new Promise((r) => setImmediate(r));
  }
}

export const paperBroker = {
  fills: [],
  async order(side, price) {
    this.fills.push({ side, price });
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const cell = createCell();
  const signals = await runSession(cell, candleFeed(80), paperBroker);
  console.log('signals', signals.length, 'last', signals.at(-1).toFixed(3));
  console.log('fills', paperBroker.fills.length);
}
