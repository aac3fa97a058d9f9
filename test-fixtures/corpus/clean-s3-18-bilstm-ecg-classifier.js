// expect: none
// CommonJS tf.sequential ECG beat classifier: bidirectional LSTM, then a linear dense + batchNormalization + ReLU activation layer, then a softmax dense output, trained with fit() and an early-stopping callback.
const tf = require('@tensorflow/tfjs-node');

function buildModel(seqLen, numClasses) {
  const model = tf.sequential();
  model.add(
    tf.layers.bidirectional({
      layer: tf.layers.lstm({ units: 32, returnSequences: false }),
      mergeMode: 'concat',
      inputShape: [seqLen, 1],
    })
  );
  model.add(tf.layers.dense({ units: 64, useBias: false }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.25 }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function trainModel(model, beats, labels, numClasses) {
  const xs = tf.tensor3d(beats.map((b) => b.map((v) => [v])));
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses);
  const history = await model.fit(xs, ys, {
    epochs: 30,
    batchSize: 128,
    validationSplit: 0.15,
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 3 }),
  });
  tf.dispose([xs, ys]);
  return history.history;
}

module.exports = { buildModel, trainModel };
