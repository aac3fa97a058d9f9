// expect: stacked-activation
// Functional tf.model for next-event prediction (GRU encoder, projection head, softmax classifier) trained with fit(); bug: the ReLU activation layer is applied directly to the output of the tanh dense projection.
const tf = require('@tensorflow/tfjs');

function buildModel({ seqLen, features, numEvents }) {
  const input = tf.input({ shape: [seqLen, features] });
  const encoded = tf.layers.gru({ units: 128, returnSequences: false, recurrentDropout: 0 }).apply(input);
  const projected = tf.layers.dense({ units: 64, activation: 'tanh', name: 'proj' }).apply(encoded);
  const rectified = tf.layers.activation({ activation: 'relu' }).apply(projected);
  const dropped = tf.layers.dropout({ rate: 0.2 }).apply(rectified);
  const probs = tf.layers.dense({ units: numEvents, activation: 'softmax' }).apply(dropped);

  const model = tf.model({ inputs: input, outputs: probs, name: 'next-event' });
  model.compile({
    optimizer: tf.train.adam(0.001),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

async function train(model, xs, ys, { epochs = 20, onEpoch } = {}) {
  return model.fit(xs, ys, {
    epochs,
    batchSize: 64,
    validationSplit: 0.1,
    shuffle: true,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        if (onEpoch) onEpoch(epoch, logs);
        await tf.nextFrame();
      },
    },
  });
}

module.exports = { buildModel, train };
