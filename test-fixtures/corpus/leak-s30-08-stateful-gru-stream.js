// expect: state-leak
// Fit a GRU on sliding windows, then copy its weights into a stateful twin for point-by-point streaming forecasts per sensor.
const tf = require('@tensorflow/tfjs');

const H = 8, T = 12;

function build(stateful) {
  const m = tf.sequential();
  m.add(tf.layers.gru(stateful
    ? { units: H, stateful: true, batchInputShape: [1, 1, 1] }
    : { units: H, inputShape: [T, 1] }));
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

function sensor(f, ph, n) {
  return Array.from({ length: n }, (_, t) => Math.sin(f * t + ph) * Math.exp(-0.002 * t));
}

function windows(series) {
  const X = [], Y = [];
  for (const s of series)
    for (let i = 0; i + T < s.length; i += 3) {
      X.push(s.slice(i, i + T).map((v) => [v]));
      Y.push([s[i + T]]);
    }
  return { X: tf.tensor3d(X), Y: tf.tensor2d(Y) };
}

async function forecastAll(streamer, series) {
  const out = {};
  streamer.resetStates();
  for (const [id, xs] of Object.entries(series)) {
    let last = NaN;
    for (const v of xs) {
      const y = streamer.predict(tf.tensor3d([[[v]]]));
      last = (await y.data())[0];
      y.dispose();
    }
    out[id] = last;
  }
  return out;
}

async function main() {
  const train = [sensor(0.3, 0, 200), sensor(0.5, 1, 200), sensor(0.2, 2, 200)];
  const { X, Y } = windows(train);
  const net = build(false);
  net.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  const h = await net.fit(X, Y, { epochs: 15, batchSize: 32, verbose: 0 });
  console.log('fit loss', h.history.loss[h.history.loss.length - 1].toFixed(5));

  const streamer = build(true);
  streamer.setWeights(net.getWeights());

  const spec = { s1: [0.3, 0.4], s2: [0.5, 2.2], s3: [0.2, 1.3] };
  const live = {};
  for (const [id, [w, ph]] of Object.entries(spec)) live[id] = sensor(w, ph, T);
  const f = await forecastAll(streamer, live);
  for (const [id, [w, ph]] of Object.entries(spec)) {
    console.log(id, 'next', f[id].toFixed(4), 'true', sensor(w, ph, T + 1)[T].toFixed(4));
  }
}

module.exports = { build, forecastAll };
if (require.main === module) main();
