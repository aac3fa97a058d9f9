// expect: none
// Licence-plate reader: configurable (lstm|gru|simple) bidirectional recogniser over image columns with CTC greedy decoding.
const tf = require('@tensorflow/tfjs');

const ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const BLANK = ALPHABET.length; // last class is the CTC blank

const DEFAULTS = {
  cell: 'gru',
  units: 32,
  bidirectional: true,
  columns: 24,
  height: 16,
  dropout: 0,
};

const CELL_FACTORIES = {
  lstm: (units, dropout) => tf.layers.lstm({ units, returnSequences: true, dropout }),
  gru: (units, dropout) => tf.layers.gru({ units, returnSequences: true, dropout }),
  simple: (units, dropout) => tf.layers.simpleRNN({ units, returnSequences: true, dropout }),
};

function makeRecurrent(cfg) {
  const factory = CELL_FACTORIES[cfg.cell];
  if (!factory) {
    throw new Error(`unknown cell "${cfg.cell}", expected one of ${Object.keys(CELL_FACTORIES).join(', ')}`);
  }
  const rnn = factory(cfg.units, cfg.dropout);
  return cfg.bidirectional ? tf.layers.bidirectional({ layer: rnn, mergeMode: 'concat' }) : rnn;
}

function buildRecognizer(options = {}) {
  const cfg = Object.assign({}, DEFAULTS, options);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: cfg.units, activation: 'relu', inputShape: [cfg.columns, cfg.height] }));
  model.add(makeRecurrent(cfg));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: ALPHABET.length + 1, activation: 'softmax' }) }));
  return { model, cfg };
}

function ctcGreedy(probRows) {
  let out = '';
  let prev = -1;
  for (const row of probRows) {
    let k = 0;
    for (let j = 1; j < row.length; j++) if (row[j] > row[k]) k = j;
    if (k !== prev && k !== BLANK) out += ALPHABET[k];
    prev = k;
  }
  return out;
}

async function readPlates(recognizer, images) {
  const probs = tf.tidy(() => recognizer.model.predict(tf.tensor3d(images)));
  const rows = await probs.array();
  probs.dispose();
  return rows.map(ctcGreedy);
}

// synthetic plates: each char occupies 3 columns (char, char, blank gap) and lights one pixel row
function synthPlate(text, cfg) {
  const labels = [];
  for (const ch of text) labels.push(ALPHABET.indexOf(ch), ALPHABET.indexOf(ch), BLANK);
  while (labels.length < cfg.columns) labels.push(BLANK);
  const image = labels.map((k) => Array.from({ length: cfg.height }, (_, r) => (k !== BLANK && r === k % cfg.height ? 1 : 0) + (k !== BLANK && r === (k * 7) % cfg.height ? 0.5 : 0)));
  return { image, labels };
}

async function main() {
  for (const cell of ['lstm', 'gru', 'simple']) {
    const rec = buildRecognizer({ cell });
    rec.model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const plates = ['AB12CD34', '7XK9PL2M', 'ZZ0011RR', 'H4CK3R55', 'M0T0RW4Y'].map((t) => t.replace(/[IOQ]/g, '0'));
    const data = plates.map((p) => synthPlate(p, rec.cfg));
    const xs = tf.tensor3d(data.map((d) => d.image));
    const ys = tf.oneHot(tf.tensor2d(data.map((d) => d.labels), undefined, 'int32'), ALPHABET.length + 1);
    await rec.model.fit(xs, ys, { epochs: 60, verbose: 0 });
    const decoded = await readPlates(rec, data.map((d) => d.image));
    console.log(cell.padEnd(6), decoded.map((d, i) => `${plates[i]}=>${d}`).join('  '));
    tf.dispose([xs, ys]);
  }
}

module.exports = { buildRecognizer, ctcGreedy, readPlates, synthPlate, CELL_FACTORIES };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
