// expect: bptt-cut, tidy-disposed-state
// melody RNN: learns a few little tunes, then a player loop improvises notes one at a time (node, prints note names)
const tf = require('@tensorflow/tfjs');

const NOTE_NAMES = ['C', 'D', 'E', 'F', 'G', 'A', 'B', 'c'];
const NOTES = NOTE_NAMES.length;
const H = 16;

const tunes = [
  [0, 2, 4, 5, 7, 5, 4, 2, 0],
  [0, 0, 4, 4, 5, 5, 4, 3, 3, 2, 2, 1, 1, 0],
  [4, 3, 2, 3, 4, 4, 4, 3, 3, 3, 4, 7, 7],
];

const Wx = tf.variable(tf.randomNormal([NOTES, H], 0, 0.3), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.3), true, 'Wh');
const b = tf.variable(tf.zeros([H]), true, 'b');
const Wy = tf.variable(tf.randomNormal([H, NOTES], 0, 0.3), true, 'Wy');
const by = tf.variable(tf.zeros([NOTES]), true, 'by');
const rnnState = tf.variable(tf.zeros([1, H]), false, 'rnn_state');
const optimizer = tf.train.adam(0.02);

function oneHot(n) {
  return tf.oneHot(tf.tensor1d([n], 'int32'), NOTES).toFloat();
}

function step(x) {
  const hNew = tf.tanh(x.matMul(Wx).add(rnnState.matMul(Wh)).add(b));
  rnnState.assign(hNew);
  return hNew;
}

function trainOnTune(tune) {
  tf.tidy(() => rnnState.assign(tf.zeros([1, H])));
  const cost = optimizer.minimize(() => {
    const losses = [];
    for (let t = 0; t + 1 < tune.length; t++) {
      const h = step(oneHot(tune[t]));
      const logits = h.matMul(Wy).add(by);
      losses.push(tf.losses.softmaxCrossEntropy(oneHot(tune[t + 1]), logits));
    }
    return tf.addN(losses).div(losses.length);
  }, true);
  const v = cost.dataSync()[0];
  cost.dispose();
  return v;
}

async function train(epochs) {
  for (let e = 0; e < epochs; e++) {
    let tot = 0;
    tunes.forEach(t => { tot += trainOnTune(t); });
    if (e % 25 === 0) console.log('epoch', e, 'loss', (tot / tunes.length).toFixed(4));
    await tf.nextFrame();
  }
}

// ---- player ----
let playerH = null;

function playNext(note) {
  return tf.tidy(() => {
    const prev = playerH || tf.zeros([1, H]);
    const h = tf.tanh(oneHot(note).matMul(Wx).add(prev.matMul(Wh)).add(b));
    playerH = h;
    const probs = tf.softmax(h.matMul(Wy).add(by));
    return tf.multinomial(tf.log(probs), 1).dataSync()[0];
  });
}

async function improvise(start, length) {
  playerH = null;
  const out = [start];
  let note = start;
  for (let i = 0; i < length; i++) {
    note = playNext(note);
    out.push(note);
    await tf.nextFrame();
  }
  return out.map(n => NOTE_NAMES[n]).join(' ');
}

module.exports = { trainOnTune, playNext, Wh, Wx };

if (require.main === module) {
  train(100)
    .then(() => improvise(0, 12))
    .then(s => console.log('improvised:', s))
    .catch(err => console.log('player crashed:', err.message));
}
