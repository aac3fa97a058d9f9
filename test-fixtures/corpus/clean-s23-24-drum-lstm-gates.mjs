// expect: none
// Drum machine "humanizer": an LSTM reads the programmed hits step by step and predicts a swing/velocity bucket per step.
import * as tf from '@tensorflow/tfjs';

const VOICES = 9;
const BUCKETS = ['soft', 'medium', 'hard', 'accent'];

export function makeHumanizer({ units = 16, seed = 40 } = {}) {
  const rnd = (shape, k) => tf.randomNormal(shape, 0, 0.3, 'float32', seed + k);
  const w = {
    Wi: rnd([VOICES, units], 0), Ui: rnd([units, units], 1),
    Wf: rnd([VOICES, units], 2), Uf: rnd([units, units], 3),
    Wo: rnd([VOICES, units], 4), Uo: rnd([units, units], 5),
    Wg: rnd([VOICES, units], 6), Ug: rnd([units, units], 7),
    bf: tf.ones([units]),
    proj: rnd([units, units], 8),
    vel: rnd([units, BUCKETS.length], 9),
  };

  const gate = (x, h, W, U) => tf.matMul(x, W).add(tf.matMul(h, U));

  function step(hits, state) {
    return tf.tidy(() => {
      const x = tf.tensor2d([hits], [1, VOICES]);
      const i = tf.sigmoid(gate(x, state.h, w.Wi, w.Ui));
      const f = tf.sigmoid(gate(x, state.h, w.Wf, w.Uf).add(w.bf));
      const o = tf.sigmoid(gate(x, state.h, w.Wo, w.Uo));
      const g = tf.tanh(gate(x, state.h, w.Wg, w.Ug));
      const c = f.mul(state.c).add(i.mul(g));
      const h = o.mul(tf.tanh(c));
      // small tanh projection of the state, then a linear layer and softmax over buckets
      const feat = tf.tanh(tf.matMul(h, w.proj));
      const probs = tf.softmax(tf.matMul(feat, w.vel));
      return { probs, state: { h, c } };
    });
  }

  function zeroState() {
    return { h: tf.zeros([1, units]), c: tf.zeros([1, units]) };
  }

  return { step, zeroState };
}

export async function humanize(model, pattern) {
  let state = model.zeroState();
  const out = [];
  for (const hits of pattern) {
    const { probs, state: next } = model.step(hits, state);
    const p = await probs.data();
    out.push(BUCKETS[p.indexOf(Math.max(...p))]);
    tf.dispose([probs, state.h, state.c]);
    state = next;
  }
  tf.dispose([state.h, state.c]);
  return out;
}

export function parsePattern(rows) {
  // rows: one string per voice, 'x' = hit, '.' = rest
  const steps = rows[0].length;
  return Array.from({ length: steps }, (_, t) => rows.map((r) => (r[t] === 'x' ? 1 : 0)));
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const grid = [
    'x.......x.x.....', // kick
    '....x.......x...', // snare
    'x.x.x.x.x.x.x.x.', // closed hat
    '..............x.', // open hat
    '................',
    '................',
    '................',
    'x...............', // crash
    '................',
  ];
  const model = makeHumanizer();
  const buckets = await humanize(model, parsePattern(grid));
  console.log(buckets.join(' '));
  console.log('tensors:', tf.memory().numTensors);
}
