// expect: stale-state
// Consumes a live telemetry feed in a while (true) loop that breaks when the feed closes, running a GRU step per reading to raise overheat alerts.
import * as tf from '@tensorflow/tfjs';

export interface Feed {
  next(): Promise<number[] | null>;
}

const FEAT = 5;
const UNITS = 16;

const w = (r: number, c: number) => tf.variable(tf.randomNormal([r, c], 0, 0.1));
const Wz = w(FEAT, UNITS), Uz = w(UNITS, UNITS);
const Wr = w(FEAT, UNITS), Ur = w(UNITS, UNITS);
const Wc = w(FEAT, UNITS), Uc = w(UNITS, UNITS);
const wAlert = tf.variable(tf.randomNormal([UNITS], 0, 0.1));
const bAlert = tf.variable(tf.scalar(-2));

function gruStep(x: tf.Tensor2D, h: tf.Tensor2D): { out: tf.Tensor2D; h: tf.Tensor2D } {
  const z = tf.sigmoid(tf.add(tf.matMul(x, Wz), tf.matMul(h, Uz)));
  const r = tf.sigmoid(tf.add(tf.matMul(x, Wr), tf.matMul(h, Ur)));
  const cand = tf.tanh(tf.add(tf.matMul(x, Wc), tf.matMul(tf.mul(r, h), Uc)));
  const hNew: tf.Tensor2D = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand));
  return { out: hNew, h: hNew };
}

export async function monitor(feed: Feed, onAlert: (score: number, index: number) => void): Promise<number> {
  const state: tf.Tensor2D = tf.zeros([1, UNITS]);
  let index = 0;

  while (true) {
    const reading = await feed.next();
    if (reading === null) break;

    const score = tf.tidy(() => {
      const x = tf.tensor2d([reading], [1, FEAT]);
      const { out } = gruStep(x, state);
      return tf.sigmoid(tf.add(tf.sum(tf.mul(out, wAlert)), bAlert)).dataSync()[0];
    });

    if (score > 0.8) onAlert(score, index);
    index++;
  }

  state.dispose();
  return index;
}

export function arrayFeed(rows: number[][]): Feed {
  let i = 0;
  return {
    async next() {
      return i < rows.length ? rows[i++] : null;
    },
  };
}
