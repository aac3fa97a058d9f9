// expect: none
// Air-quality station feed: consumes an async stream of PM2.5 readings and forecasts the next hour from each 24-hour sliding window.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 24;
const UNITS = 16;
const SITE_DIM = 3;

export function createForecaster(seed = 1000) {
  const Wx = tf.randomNormal([1 + SITE_DIM, UNITS], 0, 0.4, 'float32', seed);
  const Wh = tf.randomNormal([UNITS, UNITS], 0, 0.25, 'float32', seed + 1);
  const bh = tf.zeros([UNITS]);
  const Wy = tf.randomNormal([UNITS, 1], 0, 0.4, 'float32', seed + 2);

  function step(x, site, h) {
    const input = tf.concat([x, site], 1);
    return tf.tanh(input.matMul(Wx).add(h.matMul(Wh)).add(bh));
  }

  function forecast(window, siteVector) {
    return tf.tidy(() => {
      const site = tf.tensor2d([siteVector]);
      let h = tf.zeros([1, UNITS]);
      for (const pm of window) {
        h = step(tf.tensor2d([[pm / 100]]), site, h);
      }
      return h.matMul(Wy).dataSync()[0] * 100;
    });
  }

  return { forecast };
}

export async function* stationFeed(hours, { base = 30, seed = 7 } = {}) {
  let s = seed;
  for (let t = 0; t < hours; t++) {
    s = (s * 16807) % 2147483647;
    const noise = (s / 2147483647 - 0.5) * 6;
    yield { hour: t, pm25: base + 15 * Math.sin((2 * Math.PI * t) / 24) + noise };
    if (t % 12 === 0) await new Promise((r) => setImmediate(r));
  }
}

export async function runStation(feed, siteVector, onForecast) {
  const model = createForecaster();
  const window = [];
  let count = 0;
  for await (const { hour, pm25 } of feed) {
    window.push(pm25);
    if (window.length > WINDOW) window.shift();
    if (window.length < WINDOW) continue;
    const next = model.forecast(window, siteVector);
    onForecast({ forHour: hour + 1, pm25: next });
    count += 1;
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const urbanSite = [1, 0, 0.35];
  const n = await runStation(stationFeed(48), urbanSite, ({ forHour, pm25 }) => {
    if (forHour % 6 === 0) console.log(`hour ${forHour}: ${pm25.toFixed(1)} ug/m3`);
  });
  console.log(`${n} forecasts, ${tf.memory().numTensors} tensors alive`);
}
