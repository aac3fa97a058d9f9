// expect: stacked-activation
// Minimal gated unit (Zhou et al., 2016) encoder for multi-label music auto-tagging from mel-spectrogram frames.
const tf = require('@tensorflow/tfjs');

const MELS = 64;
const UNITS = 128;
const TAGS = ['rock', 'jazz', 'electronic', 'vocal', 'instrumental', 'guitar', 'piano', 'drums', 'calm', 'fast'];

class MGU {
  constructor(inDim, units) {
    const w = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
    this.units = units;
    this.Wf = w(inDim, units);
    this.Uf = w(units, units);
    this.bf = tf.variable(tf.ones([units]));
    this.Wh = w(inDim, units);
    this.Uh = w(units, units);
    this.bh = tf.variable(tf.zeros([units]));
  }

  step(x, h) {
    const f = tf.sigmoid(tf.add(tf.add(tf.matMul(x, this.Wf), tf.matMul(h, this.Uf)), this.bf));
    const cand = tf.tanh(tf.add(tf.add(tf.matMul(x, this.Wh), tf.matMul(tf.mul(f, h), this.Uh)), this.bh));
    return tf.add(tf.mul(tf.sub(1, f), h), tf.mul(f, cand));
  }

  encode(frames) {
    // frames: [B, T, MELS]
    const [B, T] = frames.shape;
    let h = tf.zeros([B, this.units]);
    for (let t = 0; t < T; t++) {
      h = this.step(tf.reshape(tf.slice(frames, [0, t, 0], [B, 1, MELS]), [B, MELS]), h);
    }
    return h;
  }
}

const encoder = new MGU(MELS, UNITS);
const tagHead = tf.layers.dense({ units: TAGS.length, activation: 'sigmoid', inputShape: [UNITS] });

function tagLoss(frames, labels) {
  const scores = tagHead.apply(encoder.encode(frames));
  return tf.losses.sigmoidCrossEntropy(labels, scores);
}

function predictTags(frames, threshold = 0.5) {
  const probs = tf.tidy(() => tagHead.apply(encoder.encode(frames)));
  const rows = probs.arraySync();
  probs.dispose();
  return rows.map((row) => TAGS.filter((_, k) => row[k] >= threshold));
}

// Toy clips: each tag adds energy to its own band of mel bins.
function clipBatch(n, frames = 96) {
  const xb = tf.buffer([n, frames, MELS]);
  const yb = tf.buffer([n, TAGS.length]);
  for (let i = 0; i < n; i++) {
    const active = TAGS.map(() => Math.random() < 0.3);
    active.forEach((on, k) => yb.set(on ? 1 : 0, i, k));
    for (let t = 0; t < frames; t++) {
      for (let m = 0; m < MELS; m++) {
        const band = Math.floor(m / (MELS / TAGS.length));
        xb.set((active[band] ? 1 : 0) * (0.5 + 0.5 * Math.sin(t / 4 + band)) + 0.1 * Math.random(), i, t, m);
      }
    }
  }
  return { xs: xb.toTensor(), ys: yb.toTensor() };
}

async function main() {
  const optimizer = tf.train.adam(1e-3);
  for (let epoch = 1; epoch <= 20; epoch++) {
    let total = 0;
    for (let b = 0; b < 8; b++) {
      const { xs, ys } = clipBatch(16);
      const loss = optimizer.minimize(() => tagLoss(xs, ys), true);
      total += (await loss.data())[0];
      tf.dispose([xs, ys, loss]);
    }
    console.log(`epoch ${epoch}: loss ${(total / 8).toFixed(4)}`);
  }
  const { xs } = clipBatch(3);
  predictTags(xs).forEach((tags, i) => console.log(`clip ${i}: ${tags.join(', ') || '(none)'}`));
  xs.dispose();
}

main();
