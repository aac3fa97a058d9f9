// expect: stacked-activation
// Hourly cron job that predicts bike pickups per dock for the next few hours with a recurrent Poisson-rate model.
const tf = require('@tensorflow/tfjs');
const cron = require('node-cron');
const { getDocks, getHourlyPickups, getWeatherForecast, publishDemand } = require('./dock-api');

const UNITS = 24;
const LOOKBACK = 72;
const AHEAD = 4;

const demandCell = {
  weights: null,

  load(json) {
    this.weights = Object.fromEntries(Object.entries(json).map(([k, t]) => [k, tf.tensor(t.values, t.shape)]));
  },

  step(x, h) {
    const w = this.weights;
    return tf.tidy(() => {
      const hNext = tf.tanh(tf.matMul(x, w.Wx).add(tf.matMul(h, w.Wh)).add(w.bh));
      const rate = tf.softplus(tf.relu(tf.matMul(hNext, w.Wr).add(w.br)));
      return { rate, hNext };
    });
  },
};

function features(count, hour, weather) {
  return [
    Math.log1p(count),
    Math.sin((2 * Math.PI * hour) / 24),
    Math.cos((2 * Math.PI * hour) / 24),
    weather.tempC / 30,
    weather.precipMm > 0.2 ? 1 : 0,
  ];
}

function* rollout(history, weatherAhead) {
  let h = tf.zeros([1, UNITS]);
  let last = null;
  for (const { count, hour, weather } of history) {
    const x = tf.tensor2d([features(count, hour, weather)]);
    const { rate, hNext } = demandCell.step(x, h);
    tf.dispose([x, h, last]);
    h = hNext;
    last = rate;
  }
  let hour = history[history.length - 1].hour;
  for (let k = 0; k < AHEAD; k++) {
    hour = (hour + 1) % 24;
    const expected = last.dataSync()[0];
    yield { hour, expected };
    const x = tf.tensor2d([features(expected, hour, weatherAhead[k])]);
    const { rate, hNext } = demandCell.step(x, h);
    tf.dispose([x, h, last]);
    h = hNext;
    last = rate;
  }
  tf.dispose([h, last]);
}

async function runOnce() {
  const [docks, weatherAhead] = await Promise.all([getDocks(), getWeatherForecast(AHEAD)]);
  const results = await Promise.all(
    docks.map(async (dock) => {
      const history = await getHourlyPickups(dock.id, LOOKBACK);
      if (history.length < 24) return null;
      return { dockId: dock.id, forecast: [...rollout(history, weatherAhead)] };
    }),
  );
  const ready = results.filter(Boolean);
  await publishDemand(ready);
  console.log(`[demand] ${ready.length}/${docks.length} docks forecast, tensors=${tf.memory().numTensors}`);
}

function start(weightsJson) {
  demandCell.load(weightsJson);
  const task = cron.schedule('5 * * * *', () => {
    runOnce().catch((err) => console.error('[demand] run failed', err));
  });
  runOnce().catch((err) => console.error('[demand] initial run failed', err));
  return task;
}

module.exports = { demandCell, rollout, runOnce, start };
