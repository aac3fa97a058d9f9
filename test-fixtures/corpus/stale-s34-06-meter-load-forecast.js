// expect: stale-state
// Cron-style job that warms an RNN on each smart meter's last 48h of load and forecasts the next 6 hours.
const tf = require('@tensorflow/tfjs');
const { listMeters, fetchHourlyLoad, saveForecast } = require('./meter-store');

const HIDDEN = 32;
const HORIZON = 6;

class LoadCell {
  constructor(weights) {
    this.Wx = weights.Wx; // [2, HIDDEN]
    this.Wh = weights.Wh; // [HIDDEN, HIDDEN]
    this.b = weights.b;
    this.Wy = weights.Wy; // [HIDDEN, 1]
    this.by = weights.by;
  }

  initialState() {
    return tf.zeros([1, HIDDEN]);
  }

  step(x, state) {
    return tf.tidy(() => {
      const next = tf.tanh(tf.matMul(x, this.Wx).add(tf.matMul(state, this.Wh)).add(this.b));
      const output = tf.matMul(next, this.Wy).add(this.by);
      return { output, next };
    });
  }
}

function hourFeature(ts) {
  return Math.sin((2 * Math.PI * new Date(ts).getUTCHours()) / 24);
}

async function forecastMeter(cell, meterId) {
  const rows = await fetchHourlyLoad(meterId, { hours: 48 });
  if (rows.length < 24) return null;
  const scale = Math.max(...rows.map((r) => r.kwh), 1e-3);

  let state = cell.initialState();
  let lastState = null;
  let lastOut = null;
  for (const row of rows) {
    const x = tf.tensor2d([[row.kwh / scale, hourFeature(row.ts)]]);
    const { output, next } = cell.step(x, state);
    x.dispose();
    if (lastOut) lastOut.dispose();
    if (lastState) lastState.dispose();
    lastOut = output;
    lastState = next;
  }
  state.dispose();

  const preds = [];
  let h = lastState;
  let y = lastOut;
  let ts = Date.parse(rows[rows.length - 1].ts);
  for (let k = 0; k < HORIZON; k++) {
    ts += 3600 * 1000;
    const x = tf.tidy(() => tf.concat([y, tf.tensor2d([[hourFeature(ts)]])], 1));
    const { output, next } = cell.step(x, h);
    x.dispose();
    y.dispose();
    h.dispose();
    y = output;
    h = next;
    preds.push({ ts: new Date(ts).toISOString(), kwh: (await y.data())[0] * scale });
  }
  y.dispose();
  h.dispose();
  return preds;
}

async function runJob(weights) {
  const cell = new LoadCell(weights);
  const meters = await listMeters();
  let ok = 0;
  for (const meterId of meters) {
    try {
      const preds = await forecastMeter(cell, meterId);
      if (preds) {
        await saveForecast(meterId, preds);
        ok++;
      }
    } catch (err) {
      console.error(`[forecast] meter ${meterId} failed: ${err.message}`);
    }
  }
  console.log(`[forecast] ${ok}/${meters.length} meters, tensors=${tf.memory().numTensors}`);
}

function schedule(weights, everyMs = 60 * 60 * 1000) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runJob(weights);
    } finally {
      running = false;
    }
  };
  tick();
  return setInterval(tick, everyMs);
}

module.exports = { LoadCell, forecastMeter, runJob, schedule };
