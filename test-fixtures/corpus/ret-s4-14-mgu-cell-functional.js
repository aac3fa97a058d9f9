// expect: returns-input-state
// Minimal Gated Unit written as a custom Layers cell and used through tf.layers.rnn in a functional tf.model for intent classification; call() returns [hNew, hPrev], so the state slot handed back to the RNN wrapper is the incoming one.
const tf = require('@tensorflow/tfjs');

class MGUCell extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.units = config.units;
    this.stateSize = config.units;
    this.dropoutMask = null;
    this.recurrentDropoutMask = null;
  }

  build(inputShape) {
    const inputDim = inputShape[inputShape.length - 1];
    const glorot = tf.initializers.glorotUniform({ seed: 3 });
    this.Wf = this.addWeight('Wf', [inputDim + this.units, this.units], 'float32', glorot);
    this.bf = this.addWeight('bf', [this.units], 'float32', tf.initializers.ones());
    this.Wh = this.addWeight('Wh', [inputDim + this.units, this.units], 'float32', glorot);
    this.bh = this.addWeight('bh', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, hPrev] = inputs;
      const f = tf.sigmoid(tf.concat([x, hPrev], 1).matMul(this.Wf.read()).add(this.bf.read()));
      const hTilde = tf.tanh(tf.concat([x, f.mul(hPrev)], 1).matMul(this.Wh.read()).add(this.bh.read()));
      const hNew = tf.sub(1, f).mul(hPrev).add(f.mul(hTilde));
      return [hNew, hPrev];
    });
  }

  getConfig() {
    return Object.assign({}, super.getConfig(), { units: this.units });
  }

  static get className() {
    return 'MGUCell';
  }
}
tf.serialization.registerClass(MGUCell);

function buildIntentModel({ vocabSize, maxLen, numIntents, units = 64 }) {
  const tokens = tf.input({ shape: [maxLen], dtype: 'int32', name: 'tokens' });
  const emb = tf.layers.embedding({ inputDim: vocabSize, outputDim: 64, maskZero: true }).apply(tokens);
  const encoded = tf.layers.rnn({ cell: new MGUCell({ units }), returnSequences: false }).apply(emb);
  const dropped = tf.layers.dropout({ rate: 0.3 }).apply(encoded);
  const intents = tf.layers.dense({ units: numIntents, activation: 'softmax' }).apply(dropped);
  const model = tf.model({ inputs: tokens, outputs: intents, name: 'intent_mgu' });
  model.compile({ optimizer: tf.train.adam(2e-3), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
  return model;
}

async function trainFromCsv(rows, vocab, intents, maxLen = 24) {
  const encode = (text) => {
    const ids = text.toLowerCase().split(/\s+/).map((w) => vocab.get(w) || 1).slice(0, maxLen);
    return ids.concat(new Array(maxLen - ids.length).fill(0));
  };
  const xs = tf.tensor2d(rows.map((r) => encode(r.text)), undefined, 'int32');
  const ys = tf.tensor1d(rows.map((r) => intents.indexOf(r.intent)), 'float32');
  const model = buildIntentModel({ vocabSize: vocab.size + 2, maxLen, numIntents: intents.length });
  await model.fit(xs, ys, {
    epochs: 15,
    batchSize: 32,
    shuffle: true,
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_acc', patience: 3 }),
    validationSplit: 0.15,
  });
  tf.dispose([xs, ys]);
  return model;
}

module.exports = { MGUCell, buildIntentModel, trainFromCsv };
