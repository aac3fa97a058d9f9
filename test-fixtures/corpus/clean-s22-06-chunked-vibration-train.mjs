// expect: none
// Trains a GRU forecaster on a long vibration stream in fixed-size chunks, carrying the state from chunk to chunk.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const CHUNK = 25;

function makeParams(seed = 1) {
  const n = (shape, k) => tf.variable(tf.randomNormal(shape, 0, 0.2, 'float32', seed + k));
  return {
    wx: n([1, 3 * UNITS], 0),
    wh: n([UNITS, 3 * UNITS], 1),
    b: tf.variable(tf.zeros([3 * UNITS])),
    wo: n([UNITS, 1], 2),
    bo: tf.variable(tf.zeros([1])),
  };
}

function gru(p, x, h) {
  const [xz, xr, xn] = tf.split(x.matMul(p.wx).add(p.b), 3, 1);
  const [hz, hr, hn] = tf.split(h.matMul(p.wh), 3, 1);
  const z = tf.sigmoid(xz.add(hz));
  const r = tf.sigmoid(xr.add(hr));
  const n = tf.tanh(xn.add(r.mul(hn)));
  return tf.sub(1, z).mul(n).add(z.mul(h));
}

const readout = (p, h) => h.matMul(p.wo).add(p.bo);

export function trainOnStream(p, stream, epochs = 2) {
  const opt = tf.train.rmsprop(0.005);
  const history = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let carry = tf.zeros([1, UNITS]);
    let total = 0;
    let chunks = 0;
    for (let start = 0; start + CHUNK < stream.length; start += CHUNK) {
      const xs = stream.slice(start, start + CHUNK);
      const ys = stream.slice(start + 1, start + CHUNK + 1);
      let chunkEnd = null;
      const loss = opt.minimize(() => {
        let h = carry;
        const errs = xs.map((v, t) => {
          h = gru(p, tf.tensor2d([[v]]), h);
          return tf.squaredDifference(readout(p, h), tf.scalar(ys[t]));
        });
        chunkEnd = tf.keep(h);
        return tf.addN(errs).div(errs.length).mean();
      }, true);
      total += loss.dataSync()[0];
      chunks += 1;
      loss.dispose();

      // Truncated BPTT on purpose: the next chunk starts from this chunk's final state as a
      // constant, so gradients stop at chunk boundaries and memory stays bounded on long streams.
      const detached = tf.tensor(chunkEnd.dataSync(), chunkEnd.shape);
      chunkEnd.dispose();
      carry.dispose();
      carry = detached;
    }
    carry.dispose();
    history.push(total / chunks);
  }
  return history;
}

export function forecastNext(p, recent) {
  return tf.tidy(() => {
    let h = tf.zeros([1, UNITS]);
    for (const v of recent) h = gru(p, tf.tensor2d([[v]]), h);
    return readout(p, h).dataSync()[0];
  });
}

function vibration(n) {
  const out = [];
  for (let t = 0; t < n; t++) {
    out.push(0.6 * Math.sin(t / 3) + 0.3 * Math.sin(t / 11) + (t % 50 === 0 ? 0.5 : 0));
  }
  return out;
}

const params = makeParams(7);
const stream = vibration(400);
const losses = trainOnStream(params, stream, 3);
console.log('epoch losses', losses.map((l) => l.toFixed(4)).join(' '));
console.log('next value', forecastNext(params, stream.slice(-40)).toFixed(4), 'tensors', tf.memory().numTensors);
