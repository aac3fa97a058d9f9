// expect: stacked-activation
// Solar-panel output nowcaster: a small recurrent net reads 15-minute irradiance readings and predicts the next interval's kW.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 24;
const FEATURES = 4; // irradiance, panel temp, cloud cover, sun elevation

export function initParams(seed = 7) {
  const rnd = (shape, std) => tf.variable(tf.randomNormal(shape, 0, std, 'float32', seed++));
  return {
    Wx: rnd([FEATURES, HIDDEN], 0.2),
    Wh: rnd([HIDDEN, HIDDEN], 1 / Math.sqrt(HIDDEN)),
    bh: tf.variable(tf.zeros([HIDDEN])),
    Wy: rnd([HIDDEN, 1], 0.1),
    by: tf.variable(tf.zeros([1])),
  };
}

function recur(p, x, hPrev) {
  return tf.tanh(tf.addN([tf.matMul(x, p.Wx), tf.matMul(hPrev, p.Wh), p.bh]));
}

// output is kW and can't be negative at night
function readout(p, h) {
  const feat = tf.relu(h);
  return tf.add(tf.matMul(feat, p.Wy), p.by);
}

/** xs: array of [B, FEATURES] tensors, one per 15-minute slot */
export function predictSequence(p, xs) {
  let h = tf.zeros([xs[0].shape[0], HIDDEN]);
  const preds = [];
  for (const x of xs) {
    h = recur(p, x, h);
    preds.push(readout(p, h));
  }
  return tf.stack(preds, 1); // [B, T, 1]
}

export function trainOnDays(p, days, { epochs = 30, lr = 3e-3, onEpoch } = {}) {
  const opt = tf.train.adam(lr);
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    for (const day of days) {
      const xs = day.features.slice(0, -1).map((row) => tf.tensor2d([row]));
      const ys = tf.tensor3d([day.kw.slice(1).map((v) => [v])]);
      const loss = opt.minimize(() => tf.losses.meanSquaredError(ys, predictSequence(p, xs)), true);
      total += loss.dataSync()[0];
      tf.dispose([...xs, ys, loss]);
    }
    if (onEpoch) onEpoch(e, total / days.length);
  }
}

export async function nowcast(p, recentRows) {
  const out = tf.tidy(() => {
    const xs = recentRows.map((row) => tf.tensor2d([row]));
    const preds = predictSequence(p, xs);
    return preds.slice([0, xs.length - 1, 0], [1, 1, 1]).reshape([]);
  });
  const kw = (await out.data())[0];
  out.dispose();
  return kw;
}

// quick smoke run: `node solar.mjs days.json`
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFile } = await import('node:fs/promises');
  const days = JSON.parse(await readFile(process.argv[2] ?? 'days.json', 'utf8'));
  const p = initParams();
  trainOnDays(p, days.slice(0, -1), {
    epochs: 20,
    onEpoch: (e, mse) => console.log(`epoch ${e + 1} mse=${mse.toFixed(4)}`),
  });
  const last = days[days.length - 1];
  const kw = await nowcast(p, last.features.slice(0, 40));
  console.log(`next 15 min: ${kw.toFixed(2)} kW (actual ${last.kw[40]})`);
}
