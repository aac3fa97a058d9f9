// expect: stacked-activation
// playing with a tiny recurrent net that predicts the next point of a noisy sine wave, trains in the browser or node
import * as tf from '@tensorflow/tfjs';

const H = 10;
const SEQ = 24;
let iteration = 0;
const lossHistory = [];

const squash = (t) => tf.tanh(t);

export const net = {
  Wx: tf.variable(tf.randomNormal([1, H], 0, 0.5)),
  Wh: tf.variable(tf.randomNormal([H, H], 0, 0.3)),
  b: tf.variable(tf.zeros([H])),
  Wo: tf.variable(tf.randomNormal([H, 1], 0, 0.3)),
  bo: tf.variable(tf.zeros([1])),
};

export function step(x, h) {
  const hIn = squash(h);
  const pre = x.matMul(net.Wx).add(hIn.matMul(net.Wh)).add(net.b);
  return squash(pre);
}

function noisySine(batch) {
  const xs = [];
  const ys = [];
  for (let b = 0; b < batch; b++) {
    const off = Math.random() * 6.28;
    const row = [];
    for (let t = 0; t <= SEQ; t++) row.push(Math.sin(off + t * 0.3) + (Math.random() - 0.5) * 0.1);
    xs.push(row.slice(0, SEQ));
    ys.push(row.slice(1));
  }
  return { xs: tf.tensor2d(xs), ys: tf.tensor2d(ys) };
}

export function unroll(xs) {
  const B = xs.shape[0];
  const cols = tf.split(xs, SEQ, 1);
  let h = tf.zeros([B, H]);
  const outs = [];
  cols.forEach((x_t) => {
    h = step(x_t, h);
    outs.push(h.matMul(net.Wo).add(net.bo));
  });
  return tf.concat(outs, 1);
}

const opt = tf.train.rmsprop(0.01);

export async function trainLoop(maxIter = 120) {
  while (iteration < maxIter) {
    const { xs, ys } = noisySine(32);
    const loss = opt.minimize(() => tf.losses.meanSquaredError(ys, unroll(xs)), true);
    const l = (await loss.data())[0];
    lossHistory.push(l);
    tf.dispose([xs, ys, loss]);
    if (iteration % 20 === 0) {
      console.log(`it ${iteration} loss=${l.toFixed(4)} mem=${tf.memory().numTensors}`);
    }
    iteration++;
    await tf.nextFrame();
  }
  return lossHistory;
}

export function forecast(seed, n) {
  return tf.tidy(() => {
    let h = tf.zeros([1, H]);
    let last = 0;
    for (const v of seed) {
      h = step(tf.tensor2d([[v]]), h);
      last = v;
    }
    const out = [];
    for (let i = 0; i < n; i++) {
      const y = h.matMul(net.Wo).add(net.bo);
      last = y.dataSync()[0];
      out.push(last);
      h = step(y, h);
    }
    return out;
  });
}

if (process.argv[1] && process.argv[1].endsWith('noisy-sine.mjs')) {
  trainLoop().then(() => {
    const seed = Array.from({ length: 12 }, (_, i) => Math.sin(i * 0.3));
    console.log('forecast', forecast(seed, 8).map((v) => v.toFixed(2)).join(' '));
  });
}
