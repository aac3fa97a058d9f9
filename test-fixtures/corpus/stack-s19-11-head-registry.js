// expect: stacked-activation
// Intent classifier: a GRU encoder plus pluggable output heads and decoders looked up from a registry by name.
const tf = require('@tensorflow/tfjs');

const heads = new Map();
const decoders = new Map();

function registerHead(name, spec) {
  heads.set(name, spec);
}
function registerDecoder(name, fn) {
  decoders.set(name, fn);
}

registerHead('intent', { units: 5, activation: 'softmax', decoder: 'topk' });
registerHead('tags', { units: 8, activation: 'sigmoid', decoder: 'threshold' });

registerDecoder('topk', (out, opts) =>
  tf.tidy(() => {
    const probs = tf.softmax(out);
    const { values, indices } = tf.topk(probs, opts.k || 3);
    return { values: values.arraySync(), indices: indices.arraySync() };
  })
);
registerDecoder('threshold', (out, opts) =>
  tf.tidy(() => ({ values: out.arraySync(), indices: out.greater(opts.threshold || 0.5).arraySync() }))
);

function buildModel(headName, vocabSize, seqLen) {
  const head = heads.get(headName);
  if (!head) throw new Error('unknown head ' + headName);
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 16, inputLength: seqLen,
    embeddingsInitializer: tf.initializers.randomNormal({ seed: 1 }) }));
  model.add(tf.layers.gru({ units: 24, kernelInitializer: tf.initializers.glorotNormal({ seed: 2 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 3 }) }));
  model.add(tf.layers.dense({ units: head.units, activation: head.activation,
    kernelInitializer: tf.initializers.glorotNormal({ seed: 4 }) }));
  return { model, head };
}

function createClassifier(headName, vocabSize, seqLen) {
  const { model, head } = buildModel(headName, vocabSize, seqLen);
  const decode = decoders.get(head.decoder);
  return {
    model,
    classify(tokenIds, opts) {
      const x = tf.tensor2d([tokenIds], [1, seqLen], 'int32');
      const out = model.predict(x);
      const result = decode(out, opts || {});
      tf.dispose([x, out]);
      return result;
    },
  };
}

module.exports = { registerHead, registerDecoder, createClassifier };

if (require.main === module) {
  const clf = createClassifier('intent', 50, 6);
  clf.model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  const xs = tf.tensor2d([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]], [2, 6], 'int32');
  const ys = tf.oneHot(tf.tensor1d([0, 3], 'int32'), 5);
  clf.model.fit(xs, ys, { epochs: 60, verbose: 0 }).then(() => {
    const r = clf.classify([1, 2, 3, 4, 5, 6], { k: 2 });
    console.log('top intents', r.indices, 'confidence', r.values);
  });
}
