// expect: stale-state
// Streams video-frame features through a GRU cell with a promise chain so the event loop stays responsive between frames.
const tf = require('@tensorflow/tfjs');

function createGruCell(inputDim, units, seed) {
  const s = seed || 5;
  const init = (shape, k) => tf.randomNormal(shape, 0, 0.3, 'float32', s + k);
  const Wz = init([inputDim, units], 0), Uz = init([units, units], 1);
  const Wr = init([inputDim, units], 2), Ur = init([units, units], 3);
  const Wh = init([inputDim, units], 4), Uh = init([units, units], 5);

  return {
    units,
    zeroState(batch) {
      return tf.zeros([batch, units]);
    },
    step(x, h) {
      return tf.tidy(() => {
        const z = tf.sigmoid(x.matMul(Wz).add(h.matMul(Uz)));
        const r = tf.sigmoid(x.matMul(Wr).add(h.matMul(Ur)));
        const cand = tf.tanh(x.matMul(Wh).add(r.mul(h).matMul(Uh)));
        return tf.sub(1, z).mul(h).add(z.mul(cand));
      });
    },
  };
}

function yieldToEventLoop() {
  return new Promise((resolve) => setImmediate(resolve));
}

function streamSequence(cell, frames, opts) {
  const options = opts || {};
  const hidden = options.initialState || cell.zeroState(frames[0].shape[0]);
  return frames.reduce(
    (chain, frame, t) =>
      chain.then((prev) =>
        yieldToEventLoop().then(() => {
          const next = cell.step(frame, hidden);
          if (options.onStep) options.onStep(t, next);
          if (prev !== hidden) prev.dispose();
          return next;
        })
      ),
    Promise.resolve(hidden)
  );
}

function summarizeClip(cell, frames) {
  const norms = [];
  return streamSequence(cell, frames, {
    onStep: (t, h) => norms.push(h.norm().dataSync()[0]),
  }).then((finalState) => {
    const embedding = Array.from(finalState.dataSync());
    finalState.dispose();
    return { embedding, norms };
  });
}

module.exports = { createGruCell, streamSequence, summarizeClip };

if (require.main === module) {
  const cell = createGruCell(4, 8);
  const frames = Array.from({ length: 6 }, (_, i) => tf.fill([1, 4], 0.5 + 0.1 * i));
  summarizeClip(cell, frames).then(({ norms }) => {
    console.log('state norm per frame:', norms.map((n) => n.toFixed(4)).join(' '));
  });
}
