// expect: none
// Two-layer QRNN (Bradbury et al., 2017) with fo-pooling and zoneout on the forget gate, for binary sentiment classification.
const tf = require('@tensorflow/tfjs');

const VOCAB = 500;
const EMB = 32;
const H = 64;
const K = 2; // convolution width over time
const ZONEOUT = 0.1;

function qrnnParams(inDim) {
  return {
    filter: tf.variable(tf.randomNormal([K, inDim, 3 * H], 0, 1 / Math.sqrt(K * inDim))),
    bias: tf.variable(tf.zeros([3 * H])),
  };
}

const params = {
  emb: tf.variable(tf.randomNormal([VOCAB, EMB], 0, 0.1)),
  layers: [qrnnParams(EMB), qrnnParams(H)],
  Wo: tf.variable(tf.randomNormal([H, 2], 0, 0.05)),
  bo: tf.variable(tf.zeros([2])),
};

// Z, F, O come from a causal (left-padded) convolution; only the pooling is sequential.
function qrnnLayer(p, xs, training) {
  const [B, T] = xs.shape;
  const padded = tf.pad(xs, [[0, 0], [K - 1, 0], [0, 0]]);
  const conv = tf.add(tf.conv1d(padded, p.filter, 1, 'valid'), p.bias); // [B, T, 3H]
  const [zPre, fPre, oPre] = tf.split(conv, 3, 2);
  const Z = tf.tanh(zPre);
  let F = tf.sigmoid(fPre);
  if (training) {
    // zoneout: with probability ZONEOUT force f = 1, i.e. copy c_{t-1} unchanged
    const zone = tf.cast(tf.less(tf.randomUniform(F.shape), ZONEOUT), 'float32');
    F = tf.add(zone, tf.mul(tf.sub(1, zone), F));
  }
  const O = tf.sigmoid(oPre);
  const zs = tf.unstack(Z, 1);
  const fs = tf.unstack(F, 1);
  const os = tf.unstack(O, 1);

  let c = tf.zeros([B, H]);
  const hs = [];
  for (let t = 0; t < T; t++) {
    c = tf.add(tf.mul(fs[t], c), tf.mul(tf.sub(1, fs[t]), zs[t]));
    hs.push(tf.mul(os[t], c));
  }
  return tf.stack(hs, 1);
}

function logits(ids, training) {
  let seq = tf.gather(params.emb, ids);
  for (const layer of params.layers) seq = qrnnLayer(layer, seq, training);
  const [B, T] = seq.shape;
  const last = tf.reshape(tf.slice(seq, [0, T - 1, 0], [B, 1, H]), [B, H]);
  return tf.add(tf.matMul(last, params.Wo), params.bo);
}

// Toy data: token ids below 250 lean positive, above lean negative.
function batch(n, T = 40) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const y = Math.random() < 0.5 ? 1 : 0;
    labels.push(y);
    rows.push(Array.from({ length: T }, () => {
      const lean = Math.random() < 0.7 ? y : 1 - y;
      return lean ? Math.floor(Math.random() * 250) : 250 + Math.floor(Math.random() * 250);
    }));
  }
  return { ids: tf.tensor2d(rows, [n, T], 'int32'), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), 2) };
}

async function main() {
  const optimizer = tf.train.adam(2e-3);
  for (let it = 1; it <= 300; it++) {
    const { ids, ys } = batch(32);
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, logits(ids, true)), true);
    if (it % 50 === 0) {
      const val = batch(256);
      const acc = tf.tidy(() =>
        tf.mean(tf.cast(tf.equal(tf.argMax(logits(val.ids, false), 1), tf.argMax(val.ys, 1)), 'float32')));
      console.log(`it ${it}  loss ${(await loss.data())[0].toFixed(4)}  acc ${(await acc.data())[0].toFixed(3)}`);
      tf.dispose([val.ids, val.ys, acc]);
    }
    tf.dispose([ids, ys, loss]);
  }
}

main();
