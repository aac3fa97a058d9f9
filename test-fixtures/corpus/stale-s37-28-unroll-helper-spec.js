// expect: stale-state
// Mocha/Chai spec for the course's `unroll` helper that folds a SimpleRNN cell over a sequence with Array.reduce.
const tf = require('@tensorflow/tfjs');
const { expect } = require('chai');

function makeCell(inputDim, units, seed) {
  const layer = tf.layers.simpleRNNCell({ units, kernelInitializer: tf.initializers.glorotUniform({ seed }) });
  layer.build([null, inputDim]);
  return (x, h) => {
    const [out, next] = layer.call([x, h], {});
    return [out, next];
  };
}

function unroll(cell, xs, h0) {
  const steps = tf.unstack(xs, 1);
  const { outputs } = steps.reduce(
    (acc, xt) => {
      const [out, hNext] = cell(xt, h0);
      acc.outputs.push(out);
      acc.last = hNext;
      return acc;
    },
    { outputs: [], last: h0 },
  );
  return tf.stack(outputs, 1);
}

describe('unroll()', () => {
  let cell;
  beforeEach(() => {
    cell = makeCell(3, 4, 1);
  });

  it('returns [batch, time, units]', () => {
    tf.tidy(() => {
      const ys = unroll(cell, tf.ones([2, 5, 3]), tf.zeros([2, 4]));
      expect(ys.shape).to.deep.equal([2, 5, 4]);
    });
  });

  it('keeps outputs bounded by tanh', () => {
    tf.tidy(() => {
      const ys = unroll(cell, tf.randomNormal([3, 12, 3], 0, 4), tf.zeros([3, 4]));
      expect(ys.max().dataSync()[0]).to.be.at.most(1);
      expect(ys.min().dataSync()[0]).to.be.at.least(-1);
    });
  });

  it('respects a non-zero initial state at t=0', () => {
    tf.tidy(() => {
      const x = tf.zeros([1, 1, 3]);
      const a = unroll(cell, x, tf.zeros([1, 4]));
      const b = unroll(cell, x, tf.fill([1, 4], 0.5));
      const diff = a.sub(b).abs().sum().dataSync()[0];
      expect(diff).to.be.greaterThan(0);
    });
  });

  it('handles a single-step sequence', () => {
    tf.tidy(() => {
      const ys = unroll(cell, tf.randomNormal([4, 1, 3]), tf.zeros([4, 4]));
      expect(ys.shape).to.deep.equal([4, 1, 4]);
    });
  });
});

module.exports = { unroll, makeCell };
