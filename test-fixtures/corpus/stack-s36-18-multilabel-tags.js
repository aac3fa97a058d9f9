// expect: stacked-activation
// CommonJS module: multi-label topic tagger (GRU over token ids) trained with a hand-written loop.
'use strict';

const tf = require('@tensorflow/tfjs');

const DEFAULTS = {
  vocabSize: 8000,
  seqLen: 40,
  embedDim: 48,
  units: 64,
  tags: 10,
  lr: 1e-3,
  batchSize: 32
};

function createTagger(options) {
  const o = Object.assign({}, DEFAULTS, options);
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: o.vocabSize, outputDim: o.embedDim, inputLength: o.seqLen }),
      tf.layers.gru({ units: o.units, recurrentDropout: 0 }),
      tf.layers.dense({ units: o.tags, activation: 'sigmoid' })
    ]
  });
  const optimizer = tf.train.adam(o.lr);

  function trainBatch(xs, ys) {
    const cost = optimizer.minimize(() => {
      const probs = model.apply(xs, { training: true });
      return tf.losses.sigmoidCrossEntropy(ys, probs);
    }, true);
    const v = cost.dataSync()[0];
    cost.dispose();
    return v;
  }

  function batches(docs, labels) {
    const out = [];
    for (let i = 0; i < docs.length; i += o.batchSize) {
      out.push([docs.slice(i, i + o.batchSize), labels.slice(i, i + o.batchSize)]);
    }
    return out;
  }

  async function fit(docs, labels, epochs, onEpoch) {
    for (let e = 0; e < epochs; e++) {
      let sum = 0;
      let n = 0;
      for (const [d, l] of batches(docs, labels)) {
        const xs = tf.tensor2d(d, [d.length, o.seqLen], 'int32');
        const ys = tf.tensor2d(l, [l.length, o.tags]);
        sum += trainBatch(xs, ys);
        n += 1;
        xs.dispose();
        ys.dispose();
      }
      if (onEpoch) await onEpoch(e, sum / n);
      await tf.nextFrame();
    }
  }

  function tag(docs, threshold) {
    const t = threshold == null ? 0.5 : threshold;
    return tf.tidy(() => {
      const probs = model.predict(tf.tensor2d(docs, [docs.length, o.seqLen], 'int32'));
      return probs.arraySync().map((row) =>
        row.map((p, i) => (p >= t ? i : -1)).filter((i) => i >= 0)
      );
    });
  }

  return { model, fit, tag, options: o };
}

exports.createTagger = createTagger;
exports.DEFAULTS = DEFAULTS;
