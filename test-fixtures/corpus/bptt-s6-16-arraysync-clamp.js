// expect: bptt-cut
// Trains a character-level IRNN on song lyrics with tf.variableGrads, keeping the ReLU hidden activations within a safe range every few characters.
const tf = require('@tensorflow/tfjs');

const H = 128;
const CLIP = 5;

function buildModel(vocabSize) {
  return {
    V: vocabSize,
    Wx: tf.variable(tf.randomNormal([vocabSize, H], 0, 0.01), true, 'lyrics/Wx'),
    Wh: tf.variable(tf.eye(H), true, 'lyrics/Wh'),
    bh: tf.variable(tf.zeros([H]), true, 'lyrics/bh'),
    Wy: tf.variable(tf.randomNormal([H, vocabSize], 0, 0.01), true, 'lyrics/Wy'),
    by: tf.variable(tf.zeros([vocabSize]), true, 'lyrics/by'),
  };
}

function lossForSequence(m, ids) {
  let h = tf.zeros([1, H]);
  const losses = [];
  for (let t = 0; t < ids.length - 1; t++) {
    const x = tf.oneHot([ids[t]], m.V).toFloat();
    h = tf.relu(tf.add(tf.add(tf.matMul(x, m.Wx), tf.matMul(h, m.Wh)), m.bh));

    if (t % 8 === 7) {
      const bounded = h.arraySync().map((row) => row.map((v) => Math.min(CLIP, v)));
      h = tf.tensor2d(bounded);
    }

    const logits = tf.add(tf.matMul(h, m.Wy), m.by);
    const target = tf.oneHot([ids[t + 1]], m.V);
    losses.push(tf.losses.softmaxCrossEntropy(target, logits));
  }
  return tf.mean(tf.stack(losses));
}

function trainStep(m, optimizer, ids) {
  const { value, grads } = tf.variableGrads(() => lossForSequence(m, ids));
  const clipped = {};
  for (const [name, g] of Object.entries(grads)) {
    clipped[name] = tf.clipByValue(g, -1, 1);
  }
  optimizer.applyGradients(clipped);
  const loss = value.dataSync()[0];
  tf.dispose([value, ...Object.values(grads), ...Object.values(clipped)]);
  return loss;
}

function encode(text, alphabet) {
  return [...text].map((ch) => alphabet.indexOf(ch)).filter((i) => i >= 0);
}

async function trainOnLyrics(songs, epochs = 10, seqLen = 64) {
  const alphabet = [...new Set(songs.join(''))].sort();
  const m = buildModel(alphabet.length);
  const optimizer = tf.train.adam(1e-3);
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    let count = 0;
    for (const song of songs) {
      const ids = encode(song, alphabet);
      for (let i = 0; i + seqLen + 1 <= ids.length; i += seqLen) {
        total += trainStep(m, optimizer, ids.slice(i, i + seqLen + 1));
        count++;
      }
    }
    console.log(`epoch ${e}: ${(total / Math.max(count, 1)).toFixed(3)}`);
    await tf.nextFrame();
  }
  return { m, alphabet };
}

module.exports = { trainOnLyrics, lossForSequence };
