// expect: none
// Behaviour cloning of a scripted lane-keeping driver with an LSTM, trained chunk by chunk over long episodes.
import * as tf from '@tensorflow/tfjs';

const CHUNK = 16;
const UNITS = 20;
const ACTIONS = 3; // steer left, straight, steer right

export function makeNet(obsSize) {
  const v = (shape, s = 0.2) => tf.variable(tf.randomNormal(shape, 0, s));
  return {
    W: v([obsSize, 4 * UNITS]),
    U: v([UNITS, 4 * UNITS]),
    b: tf.variable(tf.zeros([4 * UNITS])),
    Wo: v([UNITS, ACTIONS], 0.1),
    bo: tf.variable(tf.zeros([ACTIONS])),
  };
}

function lstm(net, x, h, c) {
  const [i, f, g, o] = tf.split(tf.matMul(x, net.W).add(tf.matMul(h, net.U)).add(net.b), 4, 1);
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
  return [hNext, cNext];
}

// The car only sees a noisy lateral offset; the expert steers on a smoothed estimate of it.
export function expertEpisode(steps) {
  let offset = 0;
  let estimate = 0;
  const obs = [];
  const actions = [];
  for (let t = 0; t < steps; t++) {
    const seen = offset + (Math.random() - 0.5) * 0.6;
    estimate = 0.8 * estimate + 0.2 * seen;
    const action = estimate > 0.15 ? 0 : estimate < -0.15 ? 2 : 1;
    obs.push([seen, t === 0 ? 1 : 0]);
    actions.push(action);
    offset += (action - 1) * 0.1 + (Math.random() - 0.5) * 0.1;
  }
  return { obs, actions };
}

export function trainEpisode(net, opt, episode) {
  const T = episode.actions.length;
  // Each episode starts from a zero state. The state handed from one chunk to the next enters the
  // next chunk's loss as a constant, i.e. truncated BPTT with k = CHUNK; we do not backprop into
  // chunks whose weights were already updated.
  let carry = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  const losses = [];
  for (let start = 0; start < T; start += CHUNK) {
    const len = Math.min(CHUNK, T - start);
    const xs = tf.tensor2d(episode.obs.slice(start, start + len));
    const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(episode.actions.slice(start, start + len), 'int32'), ACTIONS));
    let nextCarry = null;
    const loss = opt.minimize(() => {
      let h = carry.h;
      let c = carry.c;
      const logits = [];
      for (let t = 0; t < len; t++) {
        [h, c] = lstm(net, xs.slice([t, 0], [1, -1]), h, c);
        logits.push(tf.matMul(h, net.Wo).add(net.bo));
      }
      nextCarry = { h: tf.keep(h), c: tf.keep(c) };
      return tf.losses.softmaxCrossEntropy(ys, tf.concat(logits, 0));
    }, true);
    losses.push(loss.dataSync()[0]);
    tf.dispose([loss, xs, ys, carry.h, carry.c]);
    carry = nextCarry;
  }
  tf.dispose([carry.h, carry.c]);
  return losses.reduce((a, b) => a + b, 0) / losses.length;
}

export async function main(epochs = 5) {
  const net = makeNet(2);
  const opt = tf.train.adam(5e-3);
  for (let e = 0; e < epochs; e++) {
    const loss = trainEpisode(net, opt, expertEpisode(128));
    console.log(`epoch ${e} mean chunk loss ${loss.toFixed(4)} tensors ${tf.memory().numTensors}`);
    await tf.nextFrame();
  }
  return net;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main();
}
