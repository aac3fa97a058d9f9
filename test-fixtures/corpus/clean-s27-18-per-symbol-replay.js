// expect: none
// Replays each symbol's recorded daily closes through a recurrent signal and writes one row of stats per symbol.
const tf = require('@tensorflow/tfjs');

function makeCell(units, seed) {
  const wx = tf.randomNormal([2, units], 0, 0.6, 'float32', seed);
  const wh = tf.randomNormal([units, units], 0, 0.35, 'float32', seed + 1);
  const wo = tf.randomNormal([units, 1], 0, 0.6, 'float32', seed + 2);
  return {
    units,
    zeroState: () => tf.zeros([1, units]),
    step: (x, h) => tf.tidy(() => {
      const next = tf.tanh(x.matMul(wx).add(h.matMul(wh)));
      return { h: next, signal: next.matMul(wo).tanh() };
    }),
  };
}

// walks one symbol's closes; each call hands the new state to the next day
function walk(cell, closes, t, h, signals) {
  if (t >= closes.length - 1) {
    h.dispose();
    return signals;
  }
  const r1 = closes[t] / closes[t - 1] - 1;
  const r5 = t >= 5 ? closes[t] / closes[t - 5] - 1 : r1;
  const x = tf.tensor2d([[r1 * 100, r5 * 20]]);
  const { h: next, signal } = cell.step(x, h);
  signals.push(signal.dataSync()[0]);
  tf.dispose([x, signal, h]);
  return walk(cell, closes, t + 1, next, signals);
}

function replay(cell, recorded) {
  const rows = [];
  for (const symbol of Object.keys(recorded)) {
    const closes = recorded[symbol];
    const signals = walk(cell, closes, 1, cell.zeroState(), []);
    let pnl = 0;
    signals.forEach((s, i) => {
      const t = i + 1;
      if (Math.abs(s) > 0.1) pnl += Math.sign(s) * (closes[t + 1] / closes[t] - 1);
    });
    rows.push({ symbol, days: signals.length, pnlPct: +(pnl * 100).toFixed(2), signals });
  }
  return rows;
}

function randomWalk(n, seed, start) {
  let s = seed;
  const out = [start || 100];
  for (let i = 1; i < n; i++) {
    s = (s * 16807) % 2147483647;
    out.push(out[i - 1] * (1 + 0.02 * (s / 2147483647 - 0.5)));
  }
  return out;
}

module.exports = { makeCell, replay, randomWalk };

if (require.main === module) {
  const cell = makeCell(12, 3);
  const recorded = { SPY: randomWalk(250, 17), QQQ: randomWalk(250, 91), GLD: randomWalk(250, 5, 180) };
  for (const row of replay(cell, recorded)) {
    console.log(`${row.symbol.padEnd(4)} days=${row.days} pnl=${row.pnlPct}%`);
  }
  console.log('live tensors', tf.memory().numTensors);
}
