// expect: bptt-cut
// A seq2seq title generator for blog posts: a recursive encoder reads the body and a decoder is trained with tf.variableGrads to emit the title.
const tf = require('@tensorflow/tfjs');

const VOCAB = 6000;
const EMB = 48;
const UNITS = 96;

const v = (shape, name) => tf.variable(tf.randomNormal(shape, 0, 0.05), true, name);
const emb = v([VOCAB, EMB], 'emb');
const enc = { Wx: v([EMB, UNITS], 'enc/Wx'), Wh: v([UNITS, UNITS], 'enc/Wh') };
const dec = { Wx: v([EMB, UNITS], 'dec/Wx'), Wh: v([UNITS, UNITS], 'dec/Wh'), Wy: v([UNITS, VOCAB], 'dec/Wy') };
const optimizer = tf.train.adam(1e-3);

const embed = (id) => tf.gather(emb, [id]);

function encodeFrom(ids, t, h) {
  if (t === ids.length) return h;
  const next = tf.tanh(tf.add(tf.matMul(embed(ids[t]), enc.Wx), tf.matMul(h, enc.Wh)));
  return encodeFrom(ids, t + 1, next);
}

function decoderLoss(context, titleIds, bos) {
  let s = context;
  let prev = bos;
  const losses = [];
  for (const target of titleIds) {
    s = tf.tanh(tf.add(tf.matMul(embed(prev), dec.Wx), tf.matMul(s, dec.Wh)));
    const logits = tf.matMul(s, dec.Wy);
    losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot([target], VOCAB), logits));
    prev = target;
  }
  return tf.mean(tf.stack(losses));
}

function trainPair(bodyIds, titleIds, bos = 1) {
  const context = encodeFrom(bodyIds, 0, tf.zeros([1, UNITS]));
  const { value, grads } = tf.variableGrads(() => decoderLoss(context, titleIds, bos));
  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([value, context, ...Object.values(grads)]);
  return loss;
}

async function train(posts, epochs = 3) {
  for (let e = 0; e < epochs; e++) {
    let sum = 0;
    for (const { body, title } of posts) {
      sum += trainPair(body.slice(0, 300), title);
    }
    console.log(`epoch ${e}: ${(sum / posts.length).toFixed(3)}`);
    await tf.nextFrame();
  }
}

function generateTitle(bodyIds, { bos = 1, eos = 2, maxLen = 12 } = {}) {
  return tf.tidy(() => {
    let s = encodeFrom(bodyIds, 0, tf.zeros([1, UNITS]));
    let prev = bos;
    const out = [];
    for (let i = 0; i < maxLen; i++) {
      s = tf.tanh(tf.add(tf.matMul(embed(prev), dec.Wx), tf.matMul(s, dec.Wh)));
      prev = tf.matMul(s, dec.Wy).argMax(-1).dataSync()[0];
      if (prev === eos) break;
      out.push(prev);
    }
    return out;
  });
}

module.exports = { train, generateTitle };
