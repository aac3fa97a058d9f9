// expect: none
// Trains a GRU decoder that turns a digit sequence into its reversed copy, mixing ground-truth and model-predicted inputs with a decaying schedule.
const tf = require('@tensorflow/tfjs');

const V = 12; // 0-9 digits, 10 = <go>, 11 = <end>
const GO = 10;
const H = 48;

const enc = {
  W: tf.variable(tf.randomNormal([V, 3 * H], 0, 0.1)),
  U: tf.variable(tf.randomNormal([H, 3 * H], 0, 0.1)),
};
const dec = {
  W: tf.variable(tf.randomNormal([V, 3 * H], 0, 0.1)),
  U: tf.variable(tf.randomNormal([H, 3 * H], 0, 0.1)),
  out: tf.variable(tf.randomNormal([H, V], 0, 0.1)),
};

function gru(p, x, h) {
  const [xz, xr, xn] = tf.split(x.matMul(p.W), 3, 1);
  const [hz, hr, hn] = tf.split(h.matMul(p.U), 3, 1);
  const z = tf.sigmoid(xz.add(hz));
  const r = tf.sigmoid(xr.add(hr));
  const n = tf.tanh(xn.add(r.mul(hn)));
  return z.mul(h).add(tf.scalar(1).sub(z).mul(n));
}

const oneHot = (ids) => tf.oneHot(tf.tensor1d(ids, 'int32'), V).toFloat();

function sequenceLoss(src, tgt, teacherProb) {
  const B = src.length;
  let h = tf.zeros([B, H]);
  for (let t = 0; t < src[0].length; t++) {
    h = gru(enc, oneHot(src.map((s) => s[t])), h);
  }

  let input = oneHot(new Array(B).fill(GO));
  let total = tf.scalar(0);
  for (let t = 0; t < tgt[0].length; t++) {
    h = gru(dec, input, h);
    const logits = h.matMul(dec.out);
    const gold = tgt.map((s) => s[t]);
    total = total.add(tf.losses.softmaxCrossEntropy(oneHot(gold), logits));

    // scheduled sampling: feed the reference token or the model's own guess
    input = Math.random() < teacherProb
      ? oneHot(gold)
      : tf.oneHot(logits.argMax(1), V).toFloat();
  }
  return total.div(tgt[0].length);
}

function randomBatch(B, len) {
  const src = [];
  const tgt = [];
  for (let i = 0; i < B; i++) {
    const digits = Array.from({ length: len }, () => Math.floor(Math.random() * 10));
    src.push(digits);
    tgt.push([...digits].reverse().concat([11]));
  }
  return { src, tgt };
}

async function train(steps = 600) {
  const opt = tf.train.adam(0.01);
  for (let step = 0; step < steps; step++) {
    const teacherProb = Math.max(0.25, 1 - step / (0.8 * steps));
    const { src, tgt } = randomBatch(32, 6);
    const loss = opt.minimize(() => sequenceLoss(src, tgt, teacherProb), true);
    if (step % 100 === 0) {
      console.log(`step ${step} teacher=${teacherProb.toFixed(2)} loss=${(await loss.data())[0].toFixed(4)}`);
    }
    loss.dispose();
  }
}

train().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
