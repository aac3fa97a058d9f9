// expect: returns-input-state
// A GRU cell defined as an object literal with call(x, h) powers a next-note predictor trained on MIDI pitch sequences.
const tf = require('@tensorflow/tfjs');

const PITCHES = 128;
const UNITS = 96;

function gruParams(inputDim, units, outDim) {
  const v = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.05));
  return {
    Wz: v([inputDim, units]), Uz: v([units, units]),
    Wr: v([inputDim, units]), Ur: v([units, units]),
    Wh: v([inputDim, units]), Uh: v([units, units]),
    Wy: v([units, outDim]), by: tf.variable(tf.zeros([outDim])),
  };
}

const makeGru = (p) => ({
  call(x, h) {
    const z = tf.sigmoid(tf.add(tf.matMul(x, p.Wz), tf.matMul(h, p.Uz)));
    const r = tf.sigmoid(tf.add(tf.matMul(x, p.Wr), tf.matMul(h, p.Ur)));
    const hTilde = tf.tanh(tf.add(tf.matMul(x, p.Wh), tf.matMul(tf.mul(r, h), p.Uh)));
    const hNew = tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, hTilde));
    const y = tf.add(tf.matMul(hNew, p.Wy), p.by);
    return [y, h];
  },
});

const params = gruParams(PITCHES, UNITS, PITCHES);
const gru = makeGru(params);
const optimizer = tf.train.adam(1e-3);

function sequenceLoss(pitches) {
  const batch = 1;
  let h = tf.zeros([batch, UNITS]);
  const losses = [];
  for (let t = 0; t < pitches.length - 1; t++) {
    const x = tf.oneHot([pitches[t]], PITCHES).toFloat();
    let logits;
    [logits, h] = gru.call(x, h);
    const target = tf.oneHot([pitches[t + 1]], PITCHES);
    losses.push(tf.losses.softmaxCrossEntropy(target, logits));
  }
  return tf.mean(tf.stack(losses));
}

async function train(melodies, epochs = 3) {
  for (let e = 0; e < epochs; e++) {
    for (const melody of melodies) {
      const loss = optimizer.minimize(() => sequenceLoss(melody), true);
      console.log(`epoch ${e} melody len ${melody.length}: ${(await loss.data())[0].toFixed(3)}`);
      loss.dispose();
    }
  }
}

function continueMelody(seed, steps) {
  const out = [...seed];
  let h = tf.zeros([1, UNITS]);
  let logits = null;
  for (const p of seed) {
    [logits, h] = gru.call(tf.oneHot([p], PITCHES).toFloat(), h);
  }
  for (let i = 0; i < steps; i++) {
    const next = tf.multinomial(logits, 1).dataSync()[0];
    out.push(next);
    [logits, h] = gru.call(tf.oneHot([next], PITCHES).toFloat(), h);
  }
  return out;
}

module.exports = { train, continueMelody };
