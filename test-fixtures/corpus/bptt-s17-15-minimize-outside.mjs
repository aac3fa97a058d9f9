// expect: bptt-cut
// Browser demo: learn to echo the first value of a short sequence after a delay; trains on button click.
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;
const STEPS = 5;

export const params = {
  wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', 51), true, 'wx'),
  wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 52), true, 'wh'),
  wy: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 53), true, 'wy'),
};

export function makeBatch(size, seed) {
  return tf.tidy(() => {
    const xs = tf.randomUniform([size, STEPS, 1], -1, 1, 'float32', seed);
    const ys = xs.slice([0, 0, 0], [size, 1, 1]).reshape([size, 1]);
    return { xs, ys };
  });
}

function encode(xs) {
  const batch = xs.shape[0];
  let h = tf.zeros([batch, UNITS]);
  for (let t = 0; t < STEPS; t++) {
    const x = xs.slice([0, t, 0], [batch, 1, 1]).reshape([batch, 1]);
    h = tf.tanh(tf.matMul(x, params.wx).add(tf.matMul(h, params.wh)));
  }
  return h;
}

const optimizer = tf.train.adam(0.02);

export async function trainSteps(n, log = () => {}) {
  for (let i = 0; i < n; i++) {
    const { xs, ys } = makeBatch(32, i);
    const hFinal = tf.tidy(() => encode(xs));
    const cost = optimizer.minimize(() => {
      const pred = tf.matMul(hFinal, params.wy);
      return tf.losses.meanSquaredError(ys, pred);
    }, true);
    log(i, (await cost.data())[0]);
    tf.dispose([xs, ys, hFinal, cost]);
    await tf.nextFrame();
  }
}

export function attachUi(doc) {
  const btn = doc.getElementById('train');
  const out = doc.getElementById('loss');
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    await trainSteps(50, (i, loss) => {
      out.textContent = `step ${i}: loss ${loss.toFixed(4)}`;
    });
    btn.disabled = false;
  });
}
