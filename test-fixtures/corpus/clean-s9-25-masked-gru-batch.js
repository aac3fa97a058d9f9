// expect: none
// batched GRU encoder for variable-length reviews: pads to the longest one and masks so padding never touches the state
const tf = require('@tensorflow/tfjs');

const VOCAB = 50;
const EMB = 6;
const H = 10;
let DEBUG_SHAPES = false;

const rw = (shape) => tf.randomNormal(shape, 0, 0.4);
const params = {
  emb: rw([VOCAB, EMB]),
  W: rw([EMB, 3 * H]),
  U: rw([H, 2 * H]),
  Uh: rw([H, H]),
  b: tf.zeros([3 * H]),
};

function gruCell(x, h) {
  const xw = x.matMul(params.W).add(params.b);
  const [xz, xr, xh] = tf.split(xw, 3, 1);
  const [hz, hr] = tf.split(h.matMul(params.U), 2, 1);
  const z = tf.sigmoid(xz.add(hz));
  const r = tf.sigmoid(xr.add(hr));
  const hTilde = tf.tanh(xh.add(r.mul(h).matMul(params.Uh)));
  return tf.sub(1, z).mul(h).add(z.mul(hTilde));
}

function encodeBatch(seqs) {
  const maxLen = Math.max(...seqs.map((s) => s.length));
  const ids = seqs.map((s) => s.concat(new Array(maxLen - s.length).fill(0)));
  const maskArr = seqs.map((s) => Array.from({ length: maxLen }, (_, t) => (t < s.length ? 1 : 0)));
  return tf.tidy(() => {
    const idsT = tf.tensor2d(ids, undefined, 'int32');
    const maskT = tf.tensor2d(maskArr);
    let h = tf.zeros([seqs.length, H]);
    for (let t = 0; t < maxLen; t++) {
      const col = idsT.slice([0, t], [-1, 1]).reshape([-1]);
      const x = tf.gather(params.emb, col);
      const m = maskT.slice([0, t], [-1, 1]);
      const hCand = gruCell(x, h);
      // padded rows keep whatever state they had at their last real token
      h = m.mul(hCand).add(tf.sub(1, m).mul(h));
      if (DEBUG_SHAPES) console.log('t', t, x.shape, h.shape);
    }
    return h;
  });
}

function cosine(a, b) {
  return tf.tidy(() => a.mul(b).sum().div(a.norm().mul(b.norm())).dataSync()[0]);
}

const reviews = [
  [3, 17, 22, 9],
  [3, 17, 22, 9, 41, 8, 8, 12],
  [5, 1],
  [30, 31, 32, 33, 34],
];

const batchEnc = encodeBatch(reviews);
console.log('batch encoding shape', batchEnc.shape);

// sanity check: encoding a review on its own must match its row in the padded batch
reviews.forEach((r, i) => {
  const alone = encodeBatch([r]);
  const row = batchEnc.slice([i, 0], [1, H]);
  const diff = tf.tidy(() => alone.sub(row).abs().max().dataSync()[0]);
  console.log(`review ${i} (len ${r.length}) max diff vs batch: ${diff.toExponential(2)}`);
  tf.dispose([alone, row]);
});

const e0 = batchEnc.slice([0, 0], [1, H]);
const e1 = batchEnc.slice([1, 0], [1, H]);
console.log('similarity(review0, review1) =', cosine(e0, e1).toFixed(3));
tf.dispose([e0, e1, batchEnc]);
console.log('tensors', tf.memory().numTensors);

module.exports = { encodeBatch, gruCell };
