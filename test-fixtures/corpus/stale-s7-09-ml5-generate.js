// expect: stale-state
// ml5-style CharRNN wrapper: loads LSTM weights from a folder and exposes generate({ seed, length, temperature }).
const tf = require('@tensorflow/tfjs');

const DEFAULTS = { seed: 'a', length: 20, temperature: 0.5 };

class CharRNN {
  constructor(modelPath, callback) {
    this.ready = false;
    this.model = {};
    this.cells = [];
    this.vocab = {};
    this.vocabSize = 0;
    this.numLayers = 0;
    this.ready = this.loadCheckpoints(modelPath).then(() => {
      if (typeof callback === 'function') callback(null, this);
      return this;
    });
  }

  async loadCheckpoints(path) {
    const manifest = await fetch(`${path}/manifest.json`).then((r) => r.json());
    const vars = {};
    for (const name of Object.keys(manifest)) {
      const res = await fetch(`${path}/${manifest[name].filename}`);
      const buf = new Float32Array(await res.arrayBuffer());
      vars[name] = tf.tensor(buf, manifest[name].shape);
    }
    this.vocab = await fetch(`${path}/vocab.json`).then((r) => r.json());
    this.vocabSize = Object.keys(this.vocab).length;
    this.numLayers = Object.keys(vars).filter((k) => k.endsWith('lstm_cell/kernel')).length;

    const forgetBias = tf.scalar(1.0);
    for (let i = 0; i < this.numLayers; i++) {
      const kernel = vars[`rnn/multi_rnn_cell/cell_${i}/lstm_cell/kernel`];
      const bias = vars[`rnn/multi_rnn_cell/cell_${i}/lstm_cell/bias`];
      this.cells.push((data, c, h) => tf.basicLSTMCell(forgetBias, kernel, bias, data, c, h));
    }
    this.model.fullyConnectedWeights = vars['fully_connected/weights'];
    this.model.fullyConnectedBiases = vars['fully_connected/biases'];
    this.units = vars['rnn/multi_rnn_cell/cell_0/lstm_cell/bias'].shape[0] / 4;
    this.indexToChar = Object.fromEntries(Object.entries(this.vocab).map(([k, v]) => [v, k]));
  }

  zeroState() {
    return Array.from({ length: this.numLayers }, () => tf.zeros([1, this.units]));
  }

  oneHot(index) {
    return tf.oneHot(tf.tensor1d([index], 'int32'), this.vocabSize).toFloat();
  }

  async generate(options = {}, callback) {
    await this.ready;
    const { seed, length, temperature } = { ...DEFAULTS, ...options };
    const seedIdx = Array.from(seed).map((ch) => this.vocab[ch]).filter((i) => i !== undefined);

    // warm the network up on all but the last seed character
    const { c, h } = tf.tidy(() => {
      let cState = this.zeroState();
      let hState = this.zeroState();
      for (let i = 0; i < seedIdx.length - 1; i++) {
        [cState, hState] = tf.multiRNNCell(this.cells, this.oneHot(seedIdx[i]), cState, hState);
      }
      return { c: cState, h: hState };
    });

    let current = seedIdx[seedIdx.length - 1];
    let generated = '';
    for (let i = 0; i < length; i++) {
      const sampled = tf.tidy(() => {
        const [, nextH] = tf.multiRNNCell(this.cells, this.oneHot(current), c, h);
        const output = nextH[nextH.length - 1]
          .matMul(this.model.fullyConnectedWeights)
          .add(this.model.fullyConnectedBiases);
        return tf.multinomial(output.div(tf.scalar(temperature)), 1).as1D();
      });
      current = (await sampled.data())[0];
      sampled.dispose();
      generated += this.indexToChar[current];
    }
    tf.dispose([c, h]);

    const result = { sample: generated, state: null };
    if (typeof callback === 'function') callback(null, result);
    return result;
  }
}

module.exports = (modelPath, callback) => new CharRNN(modelPath, callback);
module.exports.CharRNN = CharRNN;
