// expect: tidy-disposed-state
// Online anomaly scorer over an async sensor stream; the GRU state is assigned to the outer `h` inside tf.tidy while only the score is returned, so the next frame reads a disposed tensor.
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;

function glorot(rows, cols) {
  const limit = Math.sqrt(6 / (rows + cols));
  return tf.randomUniform([rows, cols], -limit, limit);
}

export function createGru(inDim) {
  const W = glorot(inDim, 3 * UNITS);
  const U = glorot(UNITS, 3 * UNITS);
  const b = tf.zeros([3 * UNITS]);
  return {
    zeroState: () => tf.zeros([1, UNITS]),
    /** @param {tf.Tensor2D} x @param {tf.Tensor2D} h */
    step(x, h) {
      const [xz, xr, xn] = tf.split(x.matMul(W).add(b), 3, 1);
      const [hz, hr, hn] = tf.split(h.matMul(U), 3, 1);
      const z = xz.add(hz).sigmoid();
      const r = xr.add(hr).sigmoid();
      const n = xn.add(r.mul(hn)).tanh();
      return z.mul(h).add(tf.scalar(1).sub(z).mul(n));
    },
  };
}

export function createReadout() {
  const w = glorot(UNITS, 1);
  return (h) => h.matMul(w).squeeze().abs();
}

/**
 * @param {AsyncIterable<number[]>} frames one reading vector per tick
 * @param {number} threshold
 */
export async function* detectAnomalies(frames, threshold = 0.8) {
  let gru = null;
  let readout = null;
  let h = null;
  let tick = 0;
  for await (const reading of frames) {
    if (!gru) {
      gru = createGru(reading.length);
      readout = createReadout();
      h = gru.zeroState();
    }
    const score = tf.tidy(() => {
      const x = tf.tensor2d([reading]);
      const next = gru.step(x, h);
      h = next;
      return readout(next);
    });
    const value = (await score.data())[0];
    score.dispose();
    if (value > threshold) yield { tick, value };
    tick++;
  }
}

async function* fakeSensor(n) {
  for (let i = 0; i < n; i++) {
    await new Promise((r) => setTimeout(r, 1));
    yield [Math.sin(i / 5), Math.cos(i / 7), Math.random() * 0.1];
  }
}

export async function demo() {
  for await (const hit of detectAnomalies(fakeSensor(40), 0.3)) {
    console.log(`tick ${hit.tick}: ${hit.value.toFixed(3)}`);
  }
}
