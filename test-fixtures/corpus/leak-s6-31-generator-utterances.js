// expect: state-leak
// A generator transcribes a batch of recorded voicemail utterances with a greedy LSTM acoustic model, yielding one transcript per utterance.
const tf = require('@tensorflow/tfjs');

const FEAT = 80;
const UNITS = 128;
const ALPHABET = ['_', ' ', ...'abcdefghijklmnopqrstuvwxyz', "'"];

const W = tf.variable(tf.randomNormal([FEAT, 4 * UNITS], 0, 0.04));
const U = tf.variable(tf.randomNormal([UNITS, 4 * UNITS], 0, 0.04));
const bias = tf.variable(tf.zeros([4 * UNITS]));
const Wout = tf.variable(tf.randomNormal([UNITS, ALPHABET.length], 0, 0.04));

function acousticStep(frame, [h, c]) {
  return tf.tidy(() => {
    const x = tf.tensor2d(frame, [1, FEAT]);
    const z = tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
    const best = tf.matMul(hNext, Wout).argMax(-1);
    return [best, [hNext, cNext]];
  });
}

function greedyCollapse(ids) {
  let text = '';
  let prev = -1;
  for (const id of ids) {
    if (id !== prev && id !== 0) text += ALPHABET[id];
    prev = id;
  }
  return text.trim();
}

function* transcribeAll(utterances) {
  let state = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];

  for (const utt of utterances) {
    const ids = [];
    for (const frame of utt.frames) {
      const [best, next] = acousticStep(frame, state);
      ids.push(best.dataSync()[0]);
      best.dispose();
      tf.dispose(state);
      state = next;
    }
    yield { id: utt.id, caller: utt.caller, text: greedyCollapse(ids) };
  }

  tf.dispose(state);
}

function summarize(utterances) {
  const rows = [];
  for (const t of transcribeAll(utterances)) {
    rows.push(`${t.id}\t${t.caller}\t${t.text}`);
  }
  return rows.join('\n');
}

module.exports = { transcribeAll, summarize };
