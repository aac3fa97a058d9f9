// expect: none
// tf.data pipeline training a SimpleRNN cell via dataset.forEachAsync; each batch starts from a fresh zero state inside minimize, and the start-up warm-up pass deliberately throws its state away (it only primes kernels).
import * as tf from '@tensorflow/tfjs';

await tf.setBackend('cpu');

const STEPS = 8;
const FEAT = 3;
const UNITS = 12;

const cell = tf.layers.simpleRNNCell({ units: UNITS });
cell.build([null, FEAT]);
const head = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.1));
const optimizer = tf.train.adam(0.01);

function unroll(xs) {
  // xs: [batch, STEPS, FEAT]; every batch holds independent sequences
  let h = tf.zeros([xs.shape[0], UNITS]);
  for (const x of tf.unstack(xs, 1)) {
    const [, next] = cell.call([x, h], {});
    h = next;
  }
  return h;
}

// Warm-up: run one dummy batch so the backend compiles/allocates everything
// before timing starts. The resulting state is meaningless and is discarded.
function warmUp() {
  const t0 = Date.now();
  tf.tidy(() => {
    unroll(tf.zeros([2, STEPS, FEAT]));
  });
  return Date.now() - t0;
}

function makeSamples(n) {
  return Array.from({ length: n }, () => {
    const xs = Array.from({ length: STEPS }, () => Array.from({ length: FEAT }, () => Math.random()));
    // target: weighted sum of the first feature with emphasis on early steps
    const y = xs.reduce((s, f, t) => s + f[0] * (STEPS - t) / STEPS, 0) / 4;
    return { xs, ys: [y] };
  });
}

const warmMs = warmUp();
console.log(`warm-up took ${warmMs} ms`);

const dataset = tf.data.array(makeSamples(64)).shuffle(64).batch(16);

for (let epoch = 0; epoch < 8; epoch++) {
  let total = 0;
  let batches = 0;
  await dataset.forEachAsync(({ xs, ys }) => {
    const loss = optimizer.minimize(
      () => tf.losses.meanSquaredError(ys, unroll(xs).matMul(head)),
      true,
    );
    total += loss.dataSync()[0];
    batches++;
    loss.dispose();
  });
  if (epoch % 3 === 0 || epoch === 7) console.log(`epoch ${epoch}: ${(total / batches).toFixed(4)}`);
}
console.log('live tensors:', tf.memory().numTensors);
