// expect: stacked-activation
// addition-rnn style seq2seq (Layers API) that learns "123+45" -> "168"; the decoder's time-distributed dense already ends in softmax and a separate softmax activation layer is added after it.
import * as tf from '@tensorflow/tfjs';

const CHARS = '0123456789+ ';
const DIGITS = 3;
const MAXLEN = DIGITS + 1 + DIGITS;

class CharacterTable {
  constructor(chars) {
    this.chars = chars;
    this.index = new Map([...chars].map((c, i) => [c, i]));
  }
  encode(str, numRows) {
    const buf = tf.buffer([numRows, this.chars.length]);
    [...str].forEach((c, i) => buf.set(1, i, this.index.get(c)));
    return buf.toTensor();
  }
  decode(probs) {
    return Array.from(probs.argMax(-1).dataSync()).map((i) => this.chars[i]).join('');
  }
}

function generateData(n, table) {
  const seen = new Set();
  const qs = [], as = [];
  while (qs.length < n) {
    const a = Math.floor(Math.random() * 10 ** DIGITS);
    const b = Math.floor(Math.random() * 10 ** DIGITS);
    const q = `${a}+${b}`.padEnd(MAXLEN, ' ');
    if (seen.has(q)) continue;
    seen.add(q);
    qs.push(table.encode(q, MAXLEN));
    as.push(table.encode(String(a + b).padEnd(DIGITS + 1, ' '), DIGITS + 1));
  }
  return { x: tf.stack(qs), y: tf.stack(as), dispose: () => tf.dispose([...qs, ...as]) };
}

export function createModel(rnnType = 'lstm', hidden = 128, layers = 1) {
  const rnn = (cfg) => (rnnType === 'gru' ? tf.layers.gru(cfg) : tf.layers.lstm(cfg));
  const model = tf.sequential();
  model.add(rnn({ units: hidden, inputShape: [MAXLEN, CHARS.length] }));
  model.add(tf.layers.repeatVector({ n: DIGITS + 1 }));
  for (let i = 0; i < layers; i++) model.add(rnn({ units: hidden, returnSequences: true }));
  model.add(tf.layers.timeDistributed({
    layer: tf.layers.dense({ units: CHARS.length, activation: 'softmax' }),
  }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

export async function train(onStatus = () => {}) {
  const table = new CharacterTable(CHARS);
  const train = generateData(20000, table);
  const test = generateData(200, table);
  const model = createModel('lstm', 128, 1);
  for (let iter = 0; iter < 50; iter++) {
    const history = await model.fit(train.x, train.y, { epochs: 1, batchSize: 128, validationSplit: 0.1 });
    const preds = model.predict(test.x.slice(0, 10));
    const samples = tf.unstack(preds).map((p) => table.decode(p));
    onStatus({
      iter,
      loss: history.history.loss[0],
      valAcc: history.history.val_acc?.[0],
      samples,
    });
    preds.dispose();
    await tf.nextFrame();
  }
  train.dispose();
  test.dispose();
  await model.save('downloads://addition-rnn');
  return model;
}
