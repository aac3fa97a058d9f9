// expect: none
// Stateful SimpleRNN reading each recording in chunks of 5 samples; compared against a stateless pass over the full recording.
const tf = require('@tensorflow/tfjs');

const H = 10, C = 5, T = 40;

function build(batchInputShape, stateful) {
  const m = tf.sequential();
  m.add(tf.layers.simpleRNN({ units: H, batchInputShape, stateful, returnSequences: true, activation: 'tanh' }));
  m.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
  return m;
}

function recording(k) {
  return Array.from({ length: T }, (_, t) => Math.tanh(Math.sin(0.15 * (k + 1) * t) + 0.1 * k));
}

async function streamAll(net, recs) {
  const out = [];
  for (const r of recs) {
    net.resetStates();
    const ys = [];
    for (let t = 0; t < r.length; t += C) {
      const x = tf.tensor3d([r.slice(t, t + C).map((v) => [v])]);
      const y = net.predict(x);
      ys.push(...(await y.data()));
      tf.dispose([x, y]);
    }
    out.push(ys);
  }
  return out;
}

async function main() {
  // fit a stateless model to predict x_{t+1} from x_{<=t}
  const recs = [0, 1, 2, 3, 4].map(recording);
  const full = build([null, T - 1, 1], false);
  full.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
  const X = tf.tensor3d(recs.map((r) => r.slice(0, -1).map((v) => [v])));
  const Y = tf.tensor3d(recs.map((r) => r.slice(1).map((v) => [v])));
  const hist = await full.fit(X, Y, { epochs: 40, verbose: 0 });
  console.log('fit mse', hist.history.loss.slice(-1)[0].toFixed(5));

  const stream = build([1, C, 1], true);
  stream.setWeights(full.getWeights());

  const test = [5, 6, 7].map(recording);
  const chunked = await streamAll(stream, test);

  const ref = full.predict(tf.tensor3d(test.map((r) => r.slice(0, -1).map((v) => [v])))).arraySync();
  let gap = 0;
  chunked.forEach((ys, i) => ys.slice(0, T - 1).forEach((y, t) => { gap = Math.max(gap, Math.abs(y - ref[i][t][0])); }));
  console.log('stateful chunked vs stateless max |dy|', gap.toExponential(2));
}

main();
