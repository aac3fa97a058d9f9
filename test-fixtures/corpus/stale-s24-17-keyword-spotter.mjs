// expect: stale-state
// Keyword spotter over MFCC-like frames: RNN over each clip, then the clips are grouped by predicted keyword.
import * as tf from '@tensorflow/tfjs';

const groupBy = Object.groupBy ?? ((items, keyFn) =>
  items.reduce((acc, item, i) => ((acc[keyFn(item, i)] ??= []).push(item), acc), Object.create(null)));

const KEYWORDS = ['yes', 'no', 'stop', '_silence_'];
const FRAME_DIM = 13;

export function makeSpotter({ units = 20, seed = 17 } = {}) {
  const wx = tf.randomNormal([FRAME_DIM, units], 0, 0.3, 'float32', seed);
  const wh = tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1);
  const bh = tf.zeros([units]);
  const wo = tf.randomNormal([units, KEYWORDS.length], 0, 0.3, 'float32', seed + 2);

  const cell = (xt, h) => tf.tanh(xt.matMul(wx).add(h.matMul(wh)).add(bh));

  /** frames: [T, FRAME_DIM] tensor -> per-frame hidden states and the clip posterior */
  const run = (frames) =>
    tf.tidy(() => {
      const h0 = tf.zeros([1, units]);
      const { states } = tf.unstack(frames).reduce(
        ({ h, states }, frame) => {
          const next = cell(frame.expandDims(0), h0);
          return { h: next, states: [...states, next] };
        },
        { h: h0, states: [] },
      );
      const pooled = tf.concat(states, 0).max(0, true);
      return { states: tf.concat(states, 0), posterior: tf.softmax(pooled.matMul(wo)).squeeze() };
    });

  return { run, units };
}

const fakeClip = (kind, frames = 30) =>
  tf.tidy(() => {
    const base = tf.randomNormal([frames, FRAME_DIM], 0, 0.2, 'float32', kind.length * 13);
    const bump = tf.linspace(0, 1, frames).reshape([frames, 1]).mul(KEYWORDS.indexOf(kind) + 1);
    return base.add(bump);
  });

const spotter = makeSpotter();
const clips = ['yes', 'no', 'stop', 'yes', '_silence_', 'no'].map((truth, id) => ({ id, truth, frames: fakeClip(truth) }));

const results = await Promise.all(
  clips.map(async ({ id, truth, frames }) => {
    const { states, posterior } = spotter.run(frames);
    const p = await posterior.data();
    const best = p.indexOf(Math.max(...p));
    tf.dispose([states, posterior, frames]);
    return { id, truth, guess: KEYWORDS[best], confidence: +p[best].toFixed(3) };
  }),
);

for (const [kw, hits] of Object.entries(groupBy(results, (r) => r.guess))) {
  console.log(kw.padEnd(10), hits.map((r) => `#${r.id}(${r.truth}, ${r.confidence})`).join(' '));
}
console.log('leftover tensors:', tf.memory().numTensors);
