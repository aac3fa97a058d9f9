// expect: stale-state
// Drum-groove generator: samples a 9-voice pattern one 16th-note step at a time from an LSTM over hit bitmasks.
const tf = require('@tensorflow/tfjs');

const VOICES = ['kick', 'snare', 'chh', 'ohh', 'ltom', 'mtom', 'htom', 'crash', 'ride'];
const VOCAB = 1 << VOICES.length;

const DEFAULTS = { units: 32, embedDim: 16, steps: 32, temperature: 1.0, seed: 3 };

function buildStepModel(opts) {
  const token = tf.input({ shape: [1], name: 'token' });
  const hIn = tf.input({ shape: [opts.units], name: 'h_in' });
  const cIn = tf.input({ shape: [opts.units], name: 'c_in' });
  const emb = tf.layers.embedding({ inputDim: VOCAB, outputDim: opts.embedDim }).apply(token);
  const [seq, h, c] = tf.layers
    .lstm({ units: opts.units, returnState: true, recurrentInitializer: 'glorotNormal' })
    .apply(emb, { initialState: [hIn, cIn] });
  const probs = tf.layers.dense({ units: VOCAB, activation: 'softmax' }).apply(seq);
  return tf.model({ inputs: [token, hIn, cIn], outputs: [probs, h, c] });
}

function decodeStep(token) {
  return VOICES.filter((_, i) => token & (1 << i));
}

async function generateGroove(model, options) {
  const opts = Object.assign({}, DEFAULTS, options);
  let state = [tf.zeros([1, opts.units]), tf.zeros([1, opts.units])];
  let token = 1 | (1 << 2); // kick + closed hat on the downbeat
  const pattern = [token];

  for (let i = 1; i < opts.steps; i++) {
    const tokT = tf.tensor2d([[token]]);
    const out = model.predict([tokT, state[0], state[1]]);
    const logits = tf.tidy(() => tf.log(out[0].add(1e-8)).div(opts.temperature));
    const sample = tf.multinomial(logits, 1, opts.seed + i);
    token = (await sample.data())[0];
    pattern.push(token);
    tf.dispose([tokT, logits, sample, out]);
  }
  tf.dispose(state);
  return pattern;
}

function toGrid(pattern) {
  return VOICES.map((v, i) => {
    const row = pattern.map((tok) => (tok & (1 << i) ? 'x' : '.')).join('');
    return v.padEnd(6) + row;
  }).join('\n');
}

async function main() {
  const opts = Object.assign({}, DEFAULTS, { steps: 16 });
  const model = buildStepModel(opts);
  const pattern = await generateGroove(model, opts);
  console.log(toGrid(pattern));
  console.log('first hits:', decodeStep(pattern[0]).join('+'));
}

module.exports = { buildStepModel, generateGroove, toGrid, DEFAULTS };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
