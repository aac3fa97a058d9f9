// expect: tidy-disposed-state
// Jupyter (ijavascript) cells: a streaming GRU encoder for an audio-feature feed, producing a running embedding per frame.
const tf = require('@tensorflow/tfjs');

// --- cell 1: encoder ---
class StreamEncoder {
  constructor(featDim, units, embDim) {
    const init = (shape, seed) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed));
    this.units = units;
    this.Wz = init([featDim + units, units], 1);
    this.Wr = init([featDim + units, units], 2);
    this.Wc = init([featDim + units, units], 3);
    this.Wout = init([units, embDim], 4);
    this.h = tf.zeros([1, units]);
    this.frames = 0;
  }

  push(frame) {
    const emb = tf.tidy(() => {
      const x = tf.tensor2d([frame]);
      const xh = tf.concat([x, this.h], 1);
      const z = tf.sigmoid(tf.matMul(xh, this.Wz));
      const r = tf.sigmoid(tf.matMul(xh, this.Wr));
      const cand = tf.tanh(tf.matMul(tf.concat([x, r.mul(this.h)], 1), this.Wc));
      const hNew = tf.sub(1, z).mul(this.h).add(z.mul(cand));
      this.h = hNew;
      return tf.matMul(hNew, this.Wout);
    });
    this.frames += 1;
    return emb;
  }
}

// --- cell 2: fake feed ---
function* mfccFeed(n, dim) {
  for (let i = 0; i < n; i++) {
    const frame = [];
    for (let d = 0; d < dim; d++) frame.push(Math.sin(0.3 * i + d) * Math.exp(-d / dim));
    yield frame;
  }
}

// --- cell 3: run the stream ---
const FEAT = 13;
const enc = new StreamEncoder(FEAT, 16, 4);
const log = [];
for (const frame of mfccFeed(12, FEAT)) {
  const emb = enc.push(frame);
  const vals = emb.dataSync();
  log.push({ frame: enc.frames, e0: +vals[0].toFixed(3), e1: +vals[1].toFixed(3), e2: +vals[2].toFixed(3) });
  emb.dispose();
}
console.table(log);

// --- cell 4: memory check ---
console.log('tensors alive:', tf.memory().numTensors);
