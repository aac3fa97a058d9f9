// expect: tidy-disposed-state
// A generator decodes a stream of audio feature frames into phoneme ids with an LSTM step, yielding one prediction per frame.
const tf = require('@tensorflow/tfjs');

const FEAT = 40;
const UNITS = 96;
const PHONEMES = 44;

const W = tf.variable(tf.randomNormal([FEAT, 4 * UNITS], 0, 0.05));
const U = tf.variable(tf.randomNormal([UNITS, 4 * UNITS], 0, 0.05));
const b = tf.variable(tf.zeros([4 * UNITS]));
const Wp = tf.variable(tf.randomNormal([UNITS, PHONEMES], 0, 0.05));

function initialCarry() {
  return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
}

function lstm(x, carry) {
  const z = tf.add(tf.add(tf.matMul(x, W), tf.matMul(carry.h, U)), b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const c = tf.add(tf.mul(tf.sigmoid(f), carry.c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
  const h = tf.mul(tf.sigmoid(o), tf.tanh(c));
  return { h, c };
}

function* decodeStream(frames) {
  let carry = initialCarry();
  for (const frame of frames) {
    tf.tidy(() => {
      const x = tf.tensor2d(frame, [1, FEAT]);
      carry = lstm(x, carry);
    });
    const logits = tf.matMul(carry.h, Wp);
    const id = logits.argMax(-1).dataSync()[0];
    logits.dispose();
    yield id;
  }
}

function collapse(ids, blank = 0) {
  const out = [];
  let prev = -1;
  for (const id of ids) {
    if (id !== prev && id !== blank) out.push(id);
    prev = id;
  }
  return out;
}

function transcribe(frames, phonemeTable) {
  const ids = [...decodeStream(frames)];
  return collapse(ids).map((i) => phonemeTable[i]).join(' ');
}

module.exports = { decodeStream, transcribe };
